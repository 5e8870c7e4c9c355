// The usage text of every command. See usage.h.
#include "usage.h"

namespace ck {

namespace {

struct CommandUsage {
    const char* name;       // "" = the kiosk itself
    const char* synopsis;   // one or more lines, each starting "carekiosk"
    const char* details;    // option notes, indented; may be ""
};

const CommandUsage kCommands[] = {
    {"",
     "carekiosk [--content DIR] [--windowed] [--size WxH] [--script FILE] [--cache-dir DIR]\n"
     "          [--status-file FILE] [--frame-stats FILE] [--notice TEXT]\n",
     "  the kiosk, full screen on the content folder (default: $CAREKIOSK_CONTENT, ./content,\n"
     "  then the installed one); --windowed and --size for development, --script replays\n"
     "  touches for tests, --notice shows a line in the staff panel\n"},
    {"screenshot",
     "carekiosk screenshot [--content DIR] --size WxH --out FILE.png\n"
     "          [--page ID | --screen home|faq|search|languages] [--expand FAQ_ID] [--query TEXT]\n"
     "          [--lang LANG] [--text-size STEP] [--contrast] [--scroll PX] [--cache-dir DIR]\n"
     "          [--address ADDRESS] [--picture PATH] [--report FILE.json]\n"
     "carekiosk screenshot --check FILE.png --report FILE.json\n",
     "  one screen drawn offscreen exactly as the kiosk draws it; --address shows the take-home\n"
     "  code of a web or e-mail address the text holds, as a tap on it does; --picture shows a\n"
     "  picture of the page (en/pages/x.png) full screen, as a tap on it does; --report writes\n"
     "  what the layout measured, --check tests a picture against its report\n"},
    {"check",
     "carekiosk check [--content DIR] [--strict]\n",
     "  every problem in the content folder, in compiler style; exit 1 on errors\n"
     "  (with --strict, on warnings too)\n"},
    {"search",
     "carekiosk search [--content DIR] [--lang L] [--json] [--stdin] [--max N]\n"
     "          [--cache-dir D | --no-cache] [--timing] [QUERY...]\n"
     "carekiosk search [--content DIR] [--lang L] --documents\n",
     "  the ranked results (id, kind, title, score) and the corrected query, if any\n"
     "  --json       one JSON object: {\"query\", \"corrected\", \"results\": [{\"id\", \"kind\",\n"
     "               \"title\", \"score\", \"snippet\", ...}], \"related\": [...], \"latency_ms\",\n"
     "               \"no_answer\", \"suggestions\"}; \"results\" are confident answers, \"related\"\n"
     "               the closest questions when the match is partial; \"corrected\" is null\n"
     "               when nothing was corrected\n"
     "  --stdin      one query per line, one JSON object per line\n"
     "  --timing     the index state and per-query microseconds on stderr\n"
     "  --documents  the indexed text, one JSON object per document ({\"id\", \"kind\",\n"
     "               \"title\", \"extra\", \"body\"}), for comparing other search engines\n"},
    {"dump",
     "carekiosk dump FILE.md\n"
     "carekiosk dump [--content DIR] (--page ID | --faq ID) [--lang LANG]\n",
     "  the document model of a page or answer as JSON\n"},
    {"speak",
     "carekiosk speak [--content DIR] (--page ID | --faq ID) [--lang LANG] --out FILE.wav\n",
     "  what read-aloud says for a page or answer, as a WAV file\n"},
    {"report",
     "carekiosk report [--content DIR] [--days N] [--json] [--cache-dir D]\n"
     "carekiosk report --forget [--cache-dir D]\n",
     "  the anonymous insights: --days N the last N days, today included (default:\n"
     "  insights_days of kiosk.json); --forget deletes the database and its key\n"},
    {"set-pin",
     "carekiosk set-pin [--content DIR] [--clear]\n",
     "  sets the staff PIN (6 to 12 digits, asked twice on stdin) or removes it\n"},
};

void PrintOne(std::FILE* out, const CommandUsage& command)
{
    std::fprintf(out, "%s%s", command.synopsis, command.details);
}

} // namespace

void PrintUsage(std::FILE* out)
{
    std::fprintf(out, "usage:\n");
    for (const CommandUsage& command : kCommands) {
        std::fprintf(out, "\n");
        PrintOne(out, command);
    }
    std::fprintf(out, "\ncarekiosk --help | --version\n");
}

int UsageError(const std::string& command, const std::string& problem)
{
    std::fprintf(stderr, "carekiosk%s%s: %s\nusage:\n", command.empty() ? "" : " ", command.c_str(), problem.c_str());
    for (const CommandUsage& c : kCommands)
        if (command == c.name)
            PrintOne(stderr, c);
    return 2;
}

} // namespace ck
