// What read-aloud says: a Document turned into spoken segments in reading
// order, each tied to the block it came from so the screen can highlight the
// part being read. Pure text work: no audio, no GL.
//
// Segments, in document order:
//   Heading, Paragraph     its text (link text read as text)
//   ListItem               its own text: the paragraphs it opens with; a
//                          nested list and anything after the opening
//                          paragraphs are segments of their own
//   TableRow               its cells joined with ", " (header row too)
//   Image                  its alt text; never the file name; no alt, no segment
//   CodeBlock              its lines
//   Quote, List, Table     nothing themselves; their children are read
//   Rule, HtmlBlock        skipped (nothing a patient can read)
//
// Blocks are addressed by their pre-order number: every block of the
// document, children included, numbered 0, 1, 2 ... in the order a
// depth-first walk meets them. The number is stable for a given Document,
// so the view that laid that Document out can map it to a rectangle.
#pragma once
#include "content/content.h"
#include "document/document.h"
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace ck {

struct SpeechSegment {
    std::string text;   // UTF-8, one line, never empty
    int block = -1;     // pre-order number of its block; -1 = not in the document (a page title, a question)
};

// Calls `visit(block, number)` for every block of `doc` in pre-order.
void ForEachBlock(const Document& doc, const std::function<void(const Block&, int)>& visit);

// How many of a list item's first children are paragraphs read (and
// highlighted) as the item's own text.
size_t ListItemOwnParagraphs(const Block& item);

// The segments of `doc` in reading order.
std::vector<SpeechSegment> ReadingSegments(const Document& doc);

// The page body as the Page screen shows it under its title bar: a leading
// "# Title" that repeats the page title is dropped. Read-aloud and the screen
// both use it so their block numbers agree.
Document PageBody(const Page& page);

// A page read aloud: its title (block -1), then ReadingSegments(PageBody(page)).
std::vector<SpeechSegment> PageReadingSegments(const Page& page);
// An FAQ entry read aloud: the question (block -1), then its answer.
std::vector<SpeechSegment> FaqReadingSegments(const FaqEntry& entry);

// What read-aloud says for `target`, "page:<id>" or "faq:<id>", when the
// patient's language is `lang`, and in which language: that of the text
// shown, the default language when it is not translated. No segments when
// there is no such page or question.
struct Reading {
    std::string lang;
    std::vector<SpeechSegment> segments;
};
Reading ReadingFor(const Content& content, const std::string& lang, const std::string& target);

} // namespace ck
