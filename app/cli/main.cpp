// carekiosk: the staff and test tools, and the way into the kiosk. This
// program links no GL, GLFW or ImGui, so `carekiosk check` runs on a server
// that checks a clinic's content; the kiosk and screenshots run in
// carekiosk-kiosk, which this starts in the same process (exec).
#include "base/guard.h"
#include "commands.h"
#include "usage.h"
#include <climits>
#include <cstdio>
#include <string>
#include <unistd.h>

#ifndef CAREKIOSK_INSTALL_LIBEXEC_DIR
#define CAREKIOSK_INSTALL_LIBEXEC_DIR "/usr/libexec/carekiosk"
#endif

// Beside this program (a build tree), in ../libexec/carekiosk from it (an
// installed or unpacked package), else where the build installs it.
static std::string KioskProgram()
{
    char self[PATH_MAX];
    const ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n > 0) {
        const std::string path(self, size_t(n));
        const std::string dir = path.substr(0, path.rfind('/') + 1);
        for (const std::string& candidate : {dir + "carekiosk-kiosk", dir + "../libexec/carekiosk/carekiosk-kiosk"})
            if (access(candidate.c_str(), X_OK) == 0)
                return candidate;
    }
    return CAREKIOSK_INSTALL_LIBEXEC_DIR "/carekiosk-kiosk";
}

static int RunInKioskProgram(char** argv)
{
    const std::string program = KioskProgram();
    argv[0] = const_cast<char*>(program.c_str());
    execv(program.c_str(), argv);
    std::fprintf(stderr, "carekiosk: cannot start the kiosk program %s: %s\n", program.c_str(),
                 access(program.c_str(), F_OK) == 0 ? "not executable"
                                                     : "not installed (this build may have no kiosk window)");
    return 1;
}

int main(int argc, char** argv)
{
    ck::InstallTerminateHandler();
    const ck::Args args(argv + 1, argv + argc);
    if (!args.empty() && (args[0] == "--help" || args[0] == "-h" || args[0] == "help")) {
        ck::PrintUsage(stdout);
        return 0;
    }
    if (!args.empty() && args[0] == "--version") {
        std::printf("carekiosk %s\n", CAREKIOSK_VERSION);
        return 0;
    }
    if (args.empty() || args[0].rfind("--", 0) == 0 || args[0] == "screenshot")
        return RunInKioskProgram(argv);

    const std::string command = args[0];
    const ck::Args rest(args.begin() + 1, args.end());
    if (command == "dump")       return ck::RunDump(rest);
    if (command == "search")     return ck::RunSearch(rest);
    if (command == "check")      return ck::RunCheck(rest);
    if (command == "set-pin")    return ck::RunSetPin(rest);
    if (command == "report")     return ck::RunReport(rest);
    if (command == "speak")      return ck::RunSpeak(rest);

    std::fprintf(stderr, "carekiosk: unknown command '%s'\n", command.c_str());
    ck::PrintUsage(stderr);
    return 2;
}
