// carekiosk search: query the content's search index from the command line,
// one query or one per stdin line (for benchmarks and engine comparisons).
#include "commands.h"
#include "usage.h"
#include "content/content.h"
#include "search/search.h"
#include <nlohmann/json.hpp>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>

namespace ck {

namespace {

const char* KindName(HitKind kind)
{
    return kind == HitKind::Faq ? "faq" : "page";
}

nlohmann::json RangesJson(const std::vector<TextRange>& ranges)
{
    nlohmann::json list = nlohmann::json::array();
    for (const TextRange& range : ranges)
        list.push_back({range.begin, range.end});
    return list;
}

// The shape scripts rely on: query, corrected (null when nothing was
// corrected), results [{id, kind, title, score, ...}], latency_ms; the rest
// is extra.
nlohmann::json HitsJson(const std::vector<SearchHit>& hits)
{
    nlohmann::json list = nlohmann::json::array();
    for (const SearchHit& hit : hits) {
        list.push_back({{"id", hit.id}, {"kind", KindName(hit.kind)}, {"title", hit.title},
                        {"score", hit.score}, {"snippet", hit.snippet},
                        {"title_highlights", RangesJson(hit.title_highlights)},
                        {"snippet_highlights", RangesJson(hit.snippet_highlights)}});
    }
    return list;
}

nlohmann::json ResultsJson(const std::string& query, const SearchResults& results, double latency_ms)
{
    nlohmann::json corrected = nullptr;
    if (!results.corrected_query.empty())
        corrected = results.corrected_query;
    return {{"query", query}, {"corrected", corrected}, {"results", HitsJson(results.hits)},
            {"related", HitsJson(results.related)}, {"latency_ms", latency_ms},
            {"no_answer", results.no_answer}, {"suggestions", results.suggestions}};
}

// Human-readable: rank, id, kind, score and title, best first, or the
// suggestions when there is no answer.
void PrintText(const SearchResults& results)
{
    if (!results.corrected_query.empty())
        std::printf("corrected: %s\n", results.corrected_query.c_str());
    if (results.no_answer) {
        std::printf("no answer; try:");
        for (const std::string& id : results.suggestions)
            std::printf(" %s", id.c_str());
        std::printf("\n");
    }
    int rank = 1;
    for (const SearchHit& hit : results.hits)
        std::printf("%2d. %-24s %-4s %7.3f  %s\n", rank++, hit.id.c_str(), KindName(hit.kind), hit.score,
                    hit.title.c_str());
    if (!results.related.empty())
        std::printf("closest questions:\n");
    for (const SearchHit& hit : results.related)
        std::printf("%2d. %-24s %-4s %7.3f  %s\n", rank++, hit.id.c_str(), KindName(hit.kind), hit.score,
                    hit.title.c_str());
}

} // namespace

int RunSearch(const Args& args)
{
    ArgReader reader(args);
    const std::string content_dir = reader.ContentDir();
    std::string lang = reader.Value("--lang");
    const std::string cache_dir = reader.Value("--cache-dir");
    const std::string max_text = reader.Value("--max", "10");
    const bool json = reader.Flag("--json");
    const bool from_stdin = reader.Flag("--stdin");
    const bool timing = reader.Flag("--timing");
    const bool no_cache = reader.Flag("--no-cache");
    const bool documents = reader.Flag("--documents");
    if (const std::string problem = reader.Problem(); !problem.empty())
        return UsageError("search", problem);
    std::string query;
    for (const std::string& word : reader.Rest())
        query += (query.empty() ? "" : " ") + word;
    if (documents && (from_stdin || !query.empty()))
        return UsageError("search", "--documents takes no query");
    if (!documents && from_stdin == !query.empty())
        return UsageError("search", from_stdin ? "give either --stdin or a query, not both" : "no query given");
    const int max_results = std::atoi(max_text.c_str());
    if (max_results < 1 || max_results > 1000)
        return UsageError("search", "--max needs a number from 1 to 1000");

    const LoadResult loaded = LoadContent(content_dir);
    if (loaded.content->IsEmpty()) {
        std::fprintf(stderr, "carekiosk search: no content in %s\n", content_dir.c_str());
        return 1;
    }
    if (lang.empty())
        lang = loaded.content->config.default_language;
    if (!loaded.content->Language(lang)) {
        std::fprintf(stderr, "carekiosk search: the content has no language '%s'\n", lang.c_str());
        return 1;
    }

    if (documents) {
        for (const IndexedDoc& doc : IndexedDocuments(*loaded.content->Language(lang)))
            std::printf("%s\n", nlohmann::json{{"id", doc.id}, {"kind", KindName(doc.kind)}, {"title", doc.title},
                                               {"extra", doc.extra}, {"body", doc.body}}
                                     .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                                     .c_str());
        return 0;
    }
    SearchOptions options;
    options.cache_dir = cache_dir;
    options.use_disk_cache = !no_cache;
    Diagnostics diagnostics;
    const std::unique_ptr<SearchIndex> index = SearchIndex::Open(*loaded.content, options, &diagnostics);
    PrintDiagnostics(diagnostics, stderr);
    if (timing) {
        for (const IndexInfo& info : index->Info())
            std::fprintf(stderr, "index\t%s\t%s\t%.3f ms\t%lld bytes\t%d documents\t%s\n", info.lang.c_str(),
                         IndexStateName(info.state), info.open_ms, info.size_bytes, info.documents,
                         info.path.c_str());
    }

    auto run = [&](const std::string& text) {
        const auto start = std::chrono::steady_clock::now();
        const SearchResults results = index->Search(lang, text, max_results);
        const double latency_ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        if (timing)
            std::fprintf(stderr, "query_us\t%.0f\t%s\n", latency_ms * 1000.0, text.c_str());
        if (json || from_stdin)
            // Invalid UTF-8 typed into a pipe must not abort the dump.
            std::printf("%s\n", ResultsJson(text, results, latency_ms)
                                     .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
        else
            PrintText(results);
    };
    if (!from_stdin) {
        run(query);
        return 0;
    }
    std::string line;
    while (std::getline(std::cin, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        run(line);
        std::fflush(stdout);
    }
    return 0;
}

} // namespace ck
