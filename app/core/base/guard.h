// The last line of defence: nothing a worker or a frame throws ends the
// kiosk. Content and cache problems are diagnostics long before this; what
// reaches here is a bug or an exhausted resource (std::bad_alloc,
// std::system_error from a thread), and the kiosk keeps its last good state.
//
// Rules a caller must know:
// - Guarded() never throws: it returns what `work` returns, or `fallback`
//   after one line on stderr: "carekiosk: <what> failed (<message>); <then>".
// - InstallTerminateHandler() is for main(): should anything escape anyway,
//   the log says which exception and where (a backtrace) before the process
//   ends, so a crash loop under systemd is never a mystery.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace ck {

// The message of the exception being handled ("unknown exception" for one
// that is not a std::exception). Call only inside a catch block.
std::string CurrentExceptionMessage();

// Prints "carekiosk: <what> failed (<message>); <then>" for the exception
// being handled, and keeps that line for RecentFailures(). Call only inside
// a catch block.
void ReportEscaped(const char* what, const char* then);

// The last few lines ReportEscaped() printed in this process, oldest first:
// the staff panel lists them beside the content's diagnostics. Thread-safe.
std::vector<std::string> RecentFailures();

template <class Work, class Result>
Result Guarded(const char* what, const char* then, Work&& work, Result fallback) noexcept
{
    try {
        return std::forward<Work>(work)();
    } catch (...) {
        ReportEscaped(what, then);
        return fallback;
    }
}

void InstallTerminateHandler();

} // namespace ck
