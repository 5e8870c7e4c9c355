// Guarded work and the terminate handler. See guard.h.
#include "core/guard.h"
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <execinfo.h>
#include <unistd.h>

namespace ck {

std::string CurrentExceptionMessage()
{
    try {
        throw;
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return "unknown exception";
    }
}

void ReportEscaped(const char* what, const char* then)
{
    const std::string message = CurrentExceptionMessage();
    std::fprintf(stderr, "carekiosk: %s failed (%s); %s\n", what, message.c_str(), then);
}

namespace {

[[noreturn]] void OnTerminate()
{
    std::string message = "no exception";
    if (std::exception_ptr escaped = std::current_exception()) {
        try {
            std::rethrow_exception(escaped);
        } catch (...) {
            message = CurrentExceptionMessage();
        }
    }
    std::fprintf(stderr, "carekiosk: ending after an unexpected error: %s\nwhere:\n", message.c_str());
    std::fflush(stderr);
    void* frames[64];
    const int count = backtrace(frames, 64);
    backtrace_symbols_fd(frames, count, STDERR_FILENO);
    std::abort();
}

} // namespace

void InstallTerminateHandler()
{
    std::set_terminate(OnTerminate);
}

} // namespace ck
