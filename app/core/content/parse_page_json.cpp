// JSON pages: the page fields at the top level, then "sections" whose
// Markdown bodies become one document.
#include "content/content_parse_internal.h"
#include "document/markdown.h"

namespace ck {
using namespace parse_detail;

// Adds `offset` to every link index in `blocks`.
static void ShiftLinks(std::vector<Block>& blocks, int offset)
{
    for (Block& block : blocks) {
        for (Span& span : block.spans)
            if (span.link >= 0)
                span.link += offset;
        ShiftLinks(block.children, offset);
    }
}

// Appends the blocks and links of `part` to `into`, its link indexes shifted
// past the links `into` already has.
static void AppendDocument(Document* into, Document part)
{
    ShiftLinks(part.blocks, static_cast<int>(into->links.size()));
    for (Block& block : part.blocks)
        into->blocks.push_back(std::move(block));
    for (Link& link : part.links)
        into->links.push_back(std::move(link));
}

static void ReadSections(const JsonReader& r, const json& sections, const std::string& file, Diagnostics* diag,
                         Document* doc)
{
    static const std::vector<std::string> known = {"heading", "body"};
    for (size_t i = 0; i < sections.size(); i++) {
        const std::string pointer = "/sections/" + std::to_string(i);
        const json& section = sections[i];
        if (!section.is_object()) {
            r.Error(pointer, "each section must be {\"heading\": ..., \"body\": ...}; this one is skipped");
            continue;
        }
        r.CheckKeys(section, pointer, known);
        std::string heading, body;
        if (r.String(section, pointer, "heading", &heading) && !heading.empty()) {
            Block block;
            block.kind = BlockKind::Heading;
            block.level = 2;
            block.spans.push_back(Span{heading, Style_None, -1});
            doc->blocks.push_back(std::move(block));
        }
        if (r.String(section, pointer, "body", &body))
            AppendDocument(doc, ParseMarkdown(body, diag, file, r.Line(pointer + "/body")));
        else if (!section.contains("body"))
            r.Warning(pointer, "this section has no \"body\"");
    }
}

std::optional<Page> ParseJsonPage(std::string_view text, const std::string& id, const std::string& file,
                                  Diagnostics* diag)
{
    JsonReader r(text, file, diag);
    if (!r.Ok())
        return std::nullopt;
    const json& root = r.Root();
    if (!root.is_object()) {
        r.Error("", "a JSON page must be an object in curly braces { } with a \"title\"");
        return std::nullopt;
    }
    Page page;
    page.id = id;
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (it.key() == "sections")
            continue;
        const std::string pointer = "/" + it.key();
        const FieldPlace place{file, r.Line(pointer), r.Column(pointer), diag};
        FieldValue value;
        value.is_text = it->is_string();
        value.is_integer = it->is_number_integer();
        if (value.is_text)
            value.text = it->get<std::string>();
        if (value.is_integer)
            value.integer = it->get<long long>();
        if (!ApplyPageField(&page, it.key(), value, place)) {
            std::vector<std::string> known = PageKeys();
            known.push_back("sections");
            r.Warning(pointer, UnknownKeyMessage(it.key(), known));
        }
    }
    if (page.title.empty()) {
        if (diag)
            diag->Error(file, 1, 1, "the page has no title: add \"title\": \"...\"");
        return std::nullopt;
    }
    auto sections = root.find("sections");
    if (sections != root.end() && !sections->is_array())
        r.Error("/sections", "\"sections\" must be a list in square brackets [ ]");
    else if (sections != root.end())
        ReadSections(r, *sections, file, diag, &page.doc);
    if (page.doc.blocks.empty() && diag)
        diag->Warning(file, 1, 1, "the page has no text: add \"sections\" with a \"body\"");
    return page;
}

} // namespace ck
