// Markdown pages: the YAML front matter between "---" lines, then the body
// for ParseMarkdown, with line numbers kept as they are in the file.
#include "content/content_parse_internal.h"
#include "document/markdown.h"
#include <yaml-cpp/yaml.h>
#include <algorithm>
#include <map>
#include <set>

namespace ck {
using namespace parse_detail;

static bool IsFenceLine(std::string_view line, bool closing)
{
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t'))
        line.remove_suffix(1);
    return line == "---" || (closing && line == "...");
}

// yaml-cpp's words for the mistakes people make in front matter, in theirs.
static std::string PlainYamlError(const std::string& message)
{
    static const std::map<std::string, std::string> kPlain = {
        {"end of sequence flow not found",
         "a [ is never closed; a value that starts with [ must be in quotes (summary: \"[Draft] ...\")"},
        {"end of map flow not found", "a { is never closed; a value that starts with { must be in quotes"},
        {"illegal map value",
         "a second \": \" on one line; put the value in quotes (title: \"Knee surgery: the basics\")"},
        {"end of sequence not found", "the lines are not indented evenly; start each key at the beginning of its line"},
        {"end of map not found", "the lines are not indented evenly; start each key at the beginning of its line"},
        {"unknown escape character in double quoted string",
         "a \\ inside \" \" starts a code; write \\\\ for a backslash, or use ' ' quotes"},
    };
    auto it = kPlain.find(message);
    return it == kPlain.end() ? message : it->second;
}

static void ApplyFrontMatter(const YAML::Node& root, Page* page, const std::string& file, Diagnostics* diag)
{
    std::set<std::string> seen;
    for (auto it = root.begin(); it != root.end(); ++it) {
        // yaml-cpp's iterator hands out temporaries: copy the nodes (cheap handles).
        const YAML::Node key_node = it->first;
        const YAML::Node node = it->second;
        const YAML::Mark key_mark = key_node.Mark();
        const std::string key = key_node.IsScalar() ? key_node.Scalar() : std::string();
        // Front matter starts on line 2 of the file; yaml-cpp counts from 0.
        const FieldPlace key_place{file, key_mark.line + 2, key_mark.column + 1, diag};
        if (!seen.insert(key).second)
            key_place.Warning("the key " + Quote(key) + " appears twice; the last one is used");
        const YAML::Mark mark = node.IsNull() ? key_mark : node.Mark();
        const FieldPlace place{file, mark.line + 2, mark.column + 1, diag};
        FieldValue value;
        value.is_text = node.IsScalar() || node.IsNull();
        if (node.IsScalar())
            value.text = node.Scalar();
        if (!ApplyPageField(page, key, value, place))
            key_place.Warning(UnknownKeyMessage(key, PageKeys()));
    }
}

std::optional<Page> ParseMarkdownPage(std::string_view raw, const std::string& id, const std::string& file,
                                      Diagnostics* diag)
{
    const std::string text = NormaliseText(raw);
    Page page;
    page.id = id;

    // Split "---\n<yaml>\n---\n<body>".
    size_t line_end = text.find('\n');
    if (!IsFenceLine(std::string_view(text).substr(0, line_end), false)) {
        if (diag)
            diag->Error(file, 1, 1, "the page has no title: start the file with a line \"---\", then "
                                    "\"title: ...\", then another \"---\"");
        return std::nullopt;
    }
    size_t yaml_start = line_end == std::string::npos ? text.size() : line_end + 1;
    size_t pos = yaml_start;
    int line = 2;
    size_t yaml_end = std::string::npos;
    while (pos < text.size()) {
        const size_t end = std::min(text.find('\n', pos), text.size());
        if (IsFenceLine(std::string_view(text).substr(pos, end - pos), true)) {
            yaml_end = pos;
            pos = end < text.size() ? end + 1 : end;
            break;
        }
        pos = end + 1;
        line++;
    }
    if (yaml_end == std::string::npos) {
        if (diag)
            diag->Error(file, 1, 1, "the front matter that starts on line 1 has no closing \"---\" line");
        return std::nullopt;
    }
    const int closing_line = line;

    try {
        const YAML::Node root = YAML::Load(text.substr(yaml_start, yaml_end - yaml_start));
        if (root.IsMap()) {
            ApplyFrontMatter(root, &page, file, diag);
        } else if (!root.IsNull() && diag) {
            diag->Error(file, 2, 1, "the front matter must be lines of \"key: value\", such as \"title: Aftercare\"");
        }
    } catch (const YAML::Exception& e) {
        if (diag)
            diag->Error(file, e.mark.line + 2, e.mark.column + 1,
                        "the front matter is not valid YAML: " + PlainYamlError(e.msg));
        return std::nullopt;
    }

    if (page.title.empty()) {
        if (diag)
            diag->Error(file, 1, 1, "the page has no title: add a line \"title: ...\" to the front matter");
        return std::nullopt;
    }

    const std::string_view body = std::string_view(text).substr(pos);
    if (body.find_first_not_of(" \t\n") == std::string_view::npos && diag)
        diag->Warning(file, closing_line, 1, "the page has no text below the front matter");
    page.doc = ParseMarkdown(body, diag, file, closing_line + 1);
    return page;
}

} // namespace ck
