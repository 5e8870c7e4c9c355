// carekiosk-kiosk: the kiosk window and screenshots. Started by `carekiosk`
// (app/cli/main.cpp) with the same arguments, in the same process.
#include "base/guard.h"
#include "display.h"
#include <malloc.h>

int main(int argc, char** argv)
{
    // One heap arena per core instead of glibc's eight: the kiosk's workers
    // come and go (each reload, index, picture decode) and every arena keeps
    // its own fragments after a trim, so fewer arenas settle lower after an
    // idle reset (figures in bench/README.md). Before any thread starts.
    mallopt(M_ARENA_MAX, 2);
    // Fixed thresholds: left alone, glibc raises both whenever a large block
    // (a decoded picture, a texture, a font atlas) is freed, after which such
    // blocks come from a worker arena's heap, whose top malloc_trim never
    // gives back. With these, blocks of 256 KiB and more are mapped on their
    // own, and no heap keeps more than 512 KiB free at its top.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    mallopt(M_TRIM_THRESHOLD, 512 * 1024);
    ck::InstallTerminateHandler();
    const ck::Args args(argv + 1, argv + argc);
    if (!args.empty() && args[0] == "screenshot")
        return ck::RunScreenshot(ck::Args(args.begin() + 1, args.end()));
    return ck::RunKiosk(args);
}
