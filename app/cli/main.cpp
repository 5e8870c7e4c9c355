// carekiosk: the kiosk itself, and the staff/test tools that share its core.
#include "base/guard.h"
#include "commands.h"
#include <cstdio>
#include <cstring>
#include <malloc.h>

static void PrintUsage(FILE* out)
{
    std::fprintf(out,
        "usage:\n"
        "  carekiosk [--content DIR] [--windowed] [--size WxH] [--script FILE]\n"
        "  carekiosk screenshot --content DIR --size WxH --out FILE.png [--page ID | --screen home|faq|search]\n"
        "  carekiosk dump --content DIR --page ID [--lang LANG]\n"
        "  carekiosk dump FILE.md\n"
        "  carekiosk search --content DIR [--lang LANG] [--json] [--stdin] [QUERY]\n"
        "  carekiosk check --content DIR [--strict]\n"
        "  carekiosk set-pin --content DIR [--clear]\n"
        "  carekiosk report --content DIR [--days N] [--json]\n"
        "  carekiosk speak --content DIR (--page ID | --faq ID) [--lang LANG] --out FILE.wav\n");
}

int main(int argc, char** argv)
{
    // glibc gives each new thread its own heap ("arena"), up to 8 per core.
    // The kiosk's workers come and go (each reload, each search index, each
    // picture decode), and every arena keeps its own fragments after a trim:
    // a soak with reloads settled at 84 MB of anonymous memory after an idle
    // reset, against 56 MB with two arenas. Before any thread starts.
    mallopt(M_ARENA_MAX, 2);
    // Fixed thresholds. Left alone, glibc raises both whenever a large
    // block (a decoded picture, a texture, a font atlas: megabytes) is
    // freed: after that such blocks come from the heap instead of their own
    // mapping, and a worker arena may keep up to twice the largest one free
    // at its top, which malloc_trim does not give back (it trims the top of
    // the main heap only). A soak kept 6.7 MB, two 1200 x 700 pictures,
    // through five idle resets, until the same page was shown again (the
    // arena's top, going by the size). With these, blocks of
    // 256 KiB and more are mapped and unmapped on their own, and no heap
    // keeps more than 512 KiB free at its top.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    mallopt(M_TRIM_THRESHOLD, 512 * 1024);
    ck::InstallTerminateHandler();
    ck::Args args(argv + 1, argv + argc);
    if (!args.empty() && (args[0] == "--help" || args[0] == "-h" || args[0] == "help")) {
        PrintUsage(stdout);
        return 0;
    }
    if (!args.empty() && args[0] == "--version") {
        std::printf("carekiosk %s\n", CAREKIOSK_VERSION);
        return 0;
    }
    if (args.empty() || args[0].rfind("--", 0) == 0)
        return ck::RunKiosk(args);

    const std::string command = args[0];
    const ck::Args rest(args.begin() + 1, args.end());
    if (command == "screenshot") return ck::RunScreenshot(rest);
    if (command == "dump")       return ck::RunDump(rest);
    if (command == "search")     return ck::RunSearch(rest);
    if (command == "check")      return ck::RunCheck(rest);
    if (command == "set-pin")    return ck::RunSetPin(rest);
    if (command == "report")     return ck::RunReport(rest);
    if (command == "speak")      return ck::RunSpeak(rest);

    std::fprintf(stderr, "carekiosk: unknown command '%s'\n", command.c_str());
    PrintUsage(stderr);
    return 2;
}
