// carekiosk dump: prints the document model of a page as JSON, exactly what
// the kiosk would lay out. For checking content by eye and for tests.
//   carekiosk dump FILE.md | FILE.json
//   carekiosk dump [--content DIR] (--page ID | --faq ID) [--lang LANG]
#include "commands.h"
#include "usage.h"
#include "content/content.h"
#include "content/content_parse.h"
#include "document/document_dump.h"
#include "document/markdown.h"
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace ck {

static void PrintDiagnostics(const Diagnostics& diag)
{
    PrintDiagnostics(diag, stderr);
}

static void PrintJson(const nlohmann::json& json)
{
    std::printf("%s\n", json.dump(2).c_str());
}

static bool ReadWholeFile(const std::string& path, std::string* text)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    *text = buffer.str();
    return !in.bad();
}

static bool EndsWith(const std::string& text, const std::string& suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// True when the text opens with a "---" line (after an optional BOM): only
// then is there front matter for the page parser to read.
static bool StartsWithFrontMatter(std::string_view text)
{
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    if (text.substr(0, 3) != "---")
        return false;
    const size_t end = text.find('\n');
    const std::string_view rest = text.substr(3, end == std::string_view::npos ? std::string_view::npos : end - 3);
    return rest.find_first_not_of(" \t\r") == std::string_view::npos;
}

static nlohmann::json PageJson(const Page& page)
{
    nlohmann::json out = DumpDocument(page.doc);
    out["id"] = page.id;
    out["title"] = page.title;
    if (!page.summary.empty())
        out["summary"] = page.summary;
    return out;
}

static std::string FileStem(const std::string& path)
{
    const size_t slash = path.find_last_of('/');
    std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    const size_t dot = name.find_last_of('.');
    return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

static int DumpFile(const std::string& path)
{
    std::string text;
    if (!ReadWholeFile(path, &text)) {
        std::fprintf(stderr, "carekiosk dump: cannot read %s\n", path.c_str());
        return 1;
    }
    Diagnostics diag;
    std::optional<Page> page;
    if (EndsWith(path, ".json")) {
        page = ParseJsonPage(text, FileStem(path), path, &diag);
    } else if (StartsWithFrontMatter(text)) {
        page = ParseMarkdownPage(text, FileStem(path), path, &diag);
    } else {
        // Plain Markdown (a snippet, an FAQ answer): no title to show.
        const Document doc = ParseMarkdown(text, &diag, path);
        PrintDiagnostics(diag);
        PrintJson(DumpDocument(doc));
        return 0;
    }
    PrintDiagnostics(diag);
    if (!page) {
        std::fprintf(stderr, "carekiosk dump: %s cannot be shown (see above)\n", path.c_str());
        return 1;
    }
    PrintJson(PageJson(*page));
    return 0;
}

static int DumpFromContent(const std::string& dir, const std::string& page_id, const std::string& faq_id,
                           std::string lang)
{
    LoadResult result = LoadContent(dir);
    PrintDiagnostics(result.diagnostics);
    const Content& content = *result.content;
    if (content.IsEmpty()) {
        std::fprintf(stderr, "carekiosk dump: no content to show in %s\n", dir.c_str());
        return 1;
    }
    if (lang.empty())
        lang = content.config.default_language;
    bool fell_back = false;
    nlohmann::json out;
    if (!page_id.empty()) {
        const Page* page = content.FindPage(lang, page_id, &fell_back);
        if (!page) {
            std::fprintf(stderr, "carekiosk dump: there is no page \"%s\" in %s\n", page_id.c_str(), dir.c_str());
            return 1;
        }
        out = PageJson(*page);
    } else {
        const FaqEntry* entry = content.FindFaq(lang, faq_id, &fell_back);
        if (!entry) {
            std::fprintf(stderr, "carekiosk dump: there is no question \"%s\" in %s\n", faq_id.c_str(), dir.c_str());
            return 1;
        }
        out = DumpDocument(entry->answer);
        out["id"] = entry->id;
        out["question"] = entry->question;
    }
    out["lang"] = lang;
    if (fell_back) {
        out["fell_back"] = true;
        std::fprintf(stderr, "carekiosk dump: not translated into \"%s\"; showing the default language\n",
                     lang.c_str());
    }
    PrintJson(out);
    return 0;
}

int RunDump(const Args& args)
{
    ArgReader reader(args);
    const ContentTargetArgs target = ReadContentTarget(args, &reader);
    const bool has_content = target.has_content;
    const std::string &dir = target.dir, &page_id = target.page_id, &faq_id = target.faq_id, &lang = target.lang;
    std::string problem = reader.Problem();
    const std::vector<std::string> files = reader.Rest();
    const bool from_content = !page_id.empty() || !faq_id.empty();
    if (problem.empty() && !page_id.empty() && !faq_id.empty())
        problem = "give --page or --faq, not both";
    if (problem.empty() && from_content && !files.empty())
        problem = "give a file or --page/--faq, not both";
    if (problem.empty() && !from_content && files.size() != 1)
        problem = files.empty() ? "nothing to dump" : "one file at a time";
    if (problem.empty() && !from_content && (has_content || !lang.empty()))
        problem = "--content and --lang go with --page or --faq";
    if (!problem.empty())
        return UsageError("dump", problem);
    if (from_content)
        return DumpFromContent(has_content ? dir : DefaultContentDir(), page_id, faq_id, lang);
    return DumpFile(files.front());
}

} // namespace ck
