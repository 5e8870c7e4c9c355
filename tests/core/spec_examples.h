// Reading the examples of a Markdown spec (CommonMark's, GFM's) and the
// text a browser shows for their HTML, beside the text of the kiosk's
// document model: what the fidelity tests compare.
#pragma once
#include "document/document_dump.h"
#include "document/markdown.h"
#include <algorithm>
#include <cctype>
#include <istream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace spec {

struct Example {
    int number = 0;
    int line = 0;
    std::string tag;   // what follows "example" on the fence line: "table", "autolink" ...
    std::string markdown;
    std::string html;
};

inline std::string ReplaceTabArrows(std::string text)
{
    const std::string arrow = "\xE2\x86\x92";   // U+2192 stands for a tab in the spec
    for (size_t pos = text.find(arrow); pos != std::string::npos; pos = text.find(arrow, pos + 1))
        text.replace(pos, arrow.size(), "\t");
    return text;
}

inline std::vector<Example> ReadExamples(std::istream& in)
{
    const std::string fence(32, '`');
    std::vector<Example> examples;
    std::string line;
    int line_number = 0;
    int part = 0;   // 0 outside, 1 markdown, 2 html
    Example current;
    while (std::getline(in, line)) {
        line_number++;
        if (part == 0 && line.rfind(fence + " example", 0) == 0) {
            current = Example();
            current.tag = line.size() > fence.size() + 9 ? line.substr(fence.size() + 9) : std::string();
            current.number = static_cast<int>(examples.size()) + 1;
            current.line = line_number;
            part = 1;
        } else if (part == 1 && line == ".") {
            part = 2;
        } else if (part == 2 && line == fence) {
            current.markdown = ReplaceTabArrows(current.markdown);
            current.html = ReplaceTabArrows(current.html);
            examples.push_back(current);
            part = 0;
        } else if (part == 1) {
            current.markdown += line + "\n";
        } else if (part == 2) {
            current.html += line + "\n";
        }
    }
    return examples;
}

// ---------------------------------------------------------------------------
// Text content of the expected HTML
// ---------------------------------------------------------------------------

inline std::string DecodeEntitiesInHtml(const std::string& text)
{
    std::string out;
    size_t pos = 0;
    while (pos < text.size()) {
        const size_t amp = text.find('&', pos);
        if (amp == std::string::npos) {
            out.append(text, pos, std::string::npos);
            break;
        }
        out.append(text, pos, amp - pos);
        const size_t semicolon = text.find(';', amp);
        if (semicolon == std::string::npos || semicolon - amp > 40) {
            out += '&';
            pos = amp + 1;
            continue;
        }
        const std::string entity = text.substr(amp, semicolon - amp + 1);
        // The four the spec's HTML writer escapes, spelled out here so the
        // test does not lean only on the code under test.
        if (entity == "&amp;")       out += '&';
        else if (entity == "&lt;")   out += '<';
        else if (entity == "&gt;")   out += '>';
        else if (entity == "&quot;") out += '"';
        else                         out += ck::DecodeHtmlEntity(entity);
        pos = semicolon + 1;
    }
    return out;
}

// Tags that start a new line of text in a browser; an image stands alone in
// the kiosk's model, so it separates text too.
inline bool SeparatesText(const std::string& tag_name)
{
    static const std::set<std::string> names = {
        "p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table",
        "thead", "tbody", "tr", "td", "th", "hr", "br", "img", "div"};
    return names.count(tag_name) > 0;
}

inline std::string AttributeValue(const std::string& tag, const std::string& name)
{
    const std::string key = " " + name + "=\"";
    const size_t start = tag.find(key);
    if (start == std::string::npos)
        return std::string();
    const size_t value = start + key.size();
    const size_t end = tag.find('"', value);
    return tag.substr(value, end == std::string::npos ? std::string::npos : end - value);
}

// With `marks`, what GFM adds is spelled out so that it is compared too: a
// check box as U+2610, or U+2611 when ticked (not "[ ]", which text can
// hold), struck text in ~~, link text in « », and | before each table cell
// (DumpText writes the same for the model).
inline std::string HtmlTextContent(const std::string& html, bool marks = false)
{
    std::string raw;   // text with entities still encoded
    size_t pos = 0;
    while (pos < html.size()) {
        const char c = html[pos];
        const char next = pos + 1 < html.size() ? html[pos + 1] : '\0';
        const bool starts_tag = c == '<' && (std::isalpha(static_cast<unsigned char>(next)) || next == '/' ||
                                             next == '!' || next == '?');
        if (!starts_tag) {
            raw += c;
            pos++;
            continue;
        }
        if (html.compare(pos, 4, "<!--") == 0) {
            const size_t end = html.find("-->", pos + 4);
            pos = end == std::string::npos ? html.size() : end + 3;
            continue;
        }
        // Skip to the closing '>', stepping over quoted attribute values.
        size_t end = pos + 1;
        char quote = 0;
        for (; end < html.size(); end++) {
            if (quote) {
                if (html[end] == quote)
                    quote = 0;
            } else if (html[end] == '"' || html[end] == '\'') {
                quote = html[end];
            } else if (html[end] == '>') {
                break;
            }
        }
        const std::string tag = html.substr(pos, end - pos + 1);
        std::string name;
        for (size_t i = (next == '/') ? 2 : 1; i < tag.size() && std::isalnum(static_cast<unsigned char>(tag[i])); i++)
            name += static_cast<char>(std::tolower(static_cast<unsigned char>(tag[i])));
        if (SeparatesText(name))
            raw += ' ';
        if (name == "img")
            raw += AttributeValue(tag, "alt") + ' ';
        if (marks && name == "input")
            raw += tag.find(" checked") != std::string::npos ? " \u2611 " : " \u2610 ";
        if (marks && name == "del")
            raw += "~~";
        if (marks && name == "a")
            raw += next == '/' ? "\u00BB" : "\u00AB";
        if (marks && (name == "td" || name == "th") && next != '/')
            raw += " | ";
        pos = end + 1;
    }
    return DecodeEntitiesInHtml(raw);
}

// ---------------------------------------------------------------------------
// Visible text of our document, read back from the dump
// ---------------------------------------------------------------------------

inline void CollectDumpText(const nlohmann::json& block, std::string& out, bool marks = false)
{
    out += ' ';   // a block boundary
    if (marks && block.contains("task"))
        out += block["task"] == "done" ? " \u2611 " : " \u2610 ";
    if (marks && block["kind"] == "table_cell")
        out += " | ";
    if (block.contains("alt"))
        out += block["alt"].get<std::string>() + ' ';
    if (block.contains("spans")) {
        const bool lines = block["kind"] == "code_block";
        for (const auto& span : block["spans"]) {
            std::string text = span["text"].get<std::string>();
            const nlohmann::json style = span.value("style", nlohmann::json::array());
            const auto has = [&style](const char* name) {
                return std::find(style.begin(), style.end(), name) != style.end();
            };
            if (marks && has("strike"))
                text = "~~" + text + "~~";
            if (marks && has("link"))
                text = "\u00AB" + text + "\u00BB";
            out += text + (lines ? "\n" : "");
        }
    }
    if (block.contains("children"))
        for (const auto& child : block["children"])
            CollectDumpText(child, out, marks);
}

inline std::string DumpText(const nlohmann::json& dump, bool marks = false)
{
    std::string out;
    for (const auto& block : dump["blocks"])
        CollectDumpText(block, out, marks);
    // A link or struck run split by a style change inside it is still one.
    for (const char* seam : {"\u00BB\u00AB", "~~~~"})
        for (size_t at = out.find(seam); at != std::string::npos; at = out.find(seam))
            out.erase(at, std::string(seam).size());
    return out;
}

inline std::string CollapseWhitespace(const std::string& text)
{
    std::string out;
    bool pending_space = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space)
            out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

inline std::vector<std::string> Words(const std::string& text)
{
    std::vector<std::string> words;
    std::istringstream in(text);
    for (std::string word; in >> word;)
        words.push_back(word);
    return words;
}

// True when every word of `part` appears in `whole`, in the same order.
inline bool IsOrderedSubsequence(const std::vector<std::string>& part, const std::vector<std::string>& whole)
{
    size_t at = 0;
    for (const std::string& word : part) {
        while (at < whole.size() && whole[at] != word)
            at++;
        if (at == whole.size())
            return false;
        at++;
    }
    return true;
}

} // namespace spec
