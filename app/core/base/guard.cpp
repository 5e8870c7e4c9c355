// Guarded work and the terminate handler. See guard.h.
#include "base/guard.h"
#include <cstdio>
#include <deque>
#include <mutex>
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

namespace {

constexpr size_t kKeptFailures = 8;
std::mutex failures_mutex;
std::deque<std::string> failures;   // guarded by failures_mutex

} // namespace

void ReportEscaped(const char* what, const char* then)
{
    const std::string line = std::string(what) + " failed (" + CurrentExceptionMessage() + "); " + then;
    std::fprintf(stderr, "carekiosk: %s\n", line.c_str());
    std::lock_guard<std::mutex> lock(failures_mutex);
    failures.push_back(line);
    if (failures.size() > kKeptFailures)
        failures.pop_front();
}

std::vector<std::string> RecentFailures()
{
    std::lock_guard<std::mutex> lock(failures_mutex);
    return std::vector<std::string>(failures.begin(), failures.end());
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
