// Document model: what md4c's callbacks fill once per file, and what the UI
// lays out and draws many times. Owns all of its strings; no pointers into
// the source text survive parsing.
//
// Shape (blocks nest, spans are flat runs of text with one style each):
//   Document
//     Heading(level 1..6)          spans
//     Paragraph                    spans
//     List(ordered, start)         children: ListItem
//       ListItem(task)             children: any block (nested lists, paragraphs ...);
//                                  the text of a tight item is a Paragraph too;
//                                  "- [ ] " / "- [x] " make it a task with a check box
//     Quote                        children: any block
//     CodeBlock                    spans (one span per line, Style_Code, text ends without '\n')
//     Table                        children: TableRow (header rows first, `header` set)
//       TableRow                   children: TableCell
//         TableCell(align)         spans
//     Image(src, alt)              an image on its own; inline images are hoisted
//                                  out of their paragraph at their position (in a
//                                  heading or table cell the alt text stands in)
//     Video(src, alt)              a clip: an image whose file ends in .mp4, .webm or
//                                  .mkv; placed like an image, alt text as for an image
//     Rule
//     HtmlBlock                    raw HTML is never shown to patients; kept as
//                                  text-free block so the dump stays honest
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace ck {

enum class BlockKind : uint8_t {
    Paragraph,
    Heading,
    List,
    ListItem,
    Quote,
    CodeBlock,
    Table,
    TableRow,
    TableCell,
    Image,
    Video,
    Rule,
    HtmlBlock,
};

enum SpanStyle : uint8_t {
    Style_None      = 0,
    Style_Bold      = 1 << 0,
    Style_Italic    = 1 << 1,
    Style_Strike    = 1 << 2,
    Style_Code      = 1 << 3,
    Style_Link      = 1 << 4,   // Span::link indexes Document::links
    Style_LineBreak = 1 << 5,   // a hard line break; text is "\n"
};

enum class CellAlign : uint8_t { Default, Left, Center, Right };

// A task list item's box as written ("- [ ]" / "- [x]"). What a patient
// ticks is session state, never written back to the model.
enum class TaskMark : uint8_t { None, Open, Done };

struct Span {
    std::string text;          // UTF-8, entities decoded, soft breaks turned into ' '
    uint8_t style = Style_None;
    int link = -1;             // index into Document::links when Style_Link
};

struct Block {
    BlockKind kind = BlockKind::Paragraph;
    uint8_t level = 0;         // Heading: 1..6
    bool ordered = false;      // List
    bool tight = true;         // List
    unsigned start = 1;        // List: number of the first item when ordered
    CellAlign align = CellAlign::Default; // TableCell
    bool header = false;       // TableRow / TableCell in the header
    TaskMark task = TaskMark::None;   // ListItem
    std::vector<Span> spans;   // Paragraph, Heading, CodeBlock, TableCell
    std::vector<Block> children;
    std::string src;           // Image, Video: path as written in the Markdown
    std::string alt;           // Image, Video: alternative text (plain)
    std::string image_key;     // Image: content-relative key into Content::images ("" if unresolved);
                               // Video: its poster's key, "" when the clip has none beside it
    std::string video_key;     // Video: content-relative key into Content::videos ("" if unresolved)
};

enum class LinkKind : uint8_t {
    Page,       // "aftercare" or "aftercare.md" (optionally "#anchor", ignored)
    Faq,        // "faq#does-it-hurt" (or "faq" alone: the FAQ screen)
    External,   // has a scheme (http:, mailto: ...) or "//", or a bare address the
                // text spells out (www.example.org, name@example.org): never opened
    Invalid,    // anything else (absolute paths, "..")
};

struct Link {
    std::string href;          // as written
    LinkKind kind = LinkKind::Invalid;
    std::string target;        // page id for Page, FAQ id for Faq ("" = FAQ list)
};

struct Document {
    std::vector<Block> blocks;
    std::vector<Link> links;
};

// True when an image's file name makes it a clip (.mp4, .webm, .mkv, any case).
bool IsVideoFileName(const std::string& src);

LinkKind ClassifyLink(const std::string& href, std::string* target);

// What a patient's phone should open for an outside link, for its take-home
// QR code: "https://..." and "http://..." as written, "www.nih.gov" as
// "http://www.nih.gov", an e-mail address as "mailto:...". "" for anything
// else (other schemes, links into the content).
std::string TakeHomeAddress(const std::string& href);

// The web site an address opens, as a caption can name it: the host in small
// letters without "www." ("https://www.aad.org/x" -> "aad.org"). "" for an
// e-mail address and anything not http(s).
std::string AddressSite(const std::string& address);

// The description (alt text) of the first picture in `doc` with
// `image_key`; "" when there is none.
std::string ImageAlt(const Document& doc, const std::string& image_key);

// Every piece of visible text in reading order (alt text for images), with
// blocks separated by '\n'. What a patient can read, and what search and
// read-aloud use.
std::string DocumentPlainText(const Document& doc);

} // namespace ck
