// The last line of defence: Guarded() keeps a worker's failure from ending
// the process, and the terminate handler says what escaped and where.
#include "base/guard.h"
#include "base/worker.h"
#include <catch2/catch.hpp>
#include <atomic>
#include <future>
#include <thread>
#include <csignal>
#include <cstdio>
#include <new>
#include <stdexcept>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

using namespace ck;

namespace {

// Runs `body` in a child process with stderr captured; returns what it
// printed, and its wait status in *status.
template <class Body>
std::string RunInChild(Body body, int* status)
{
    int pipe_fds[2];
    REQUIRE(pipe(pipe_fds) == 0);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        close(pipe_fds[0]);
        dup2(pipe_fds[1], STDERR_FILENO);
        body();
        _exit(0);
    }
    close(pipe_fds[1]);
    std::string output;
    char buffer[4096];
    for (ssize_t n; (n = read(pipe_fds[0], buffer, sizeof(buffer))) > 0;)
        output.append(buffer, static_cast<size_t>(n));
    close(pipe_fds[0]);
    waitpid(child, status, 0);
    return output;
}

// A throw out of a noexcept function calls std::terminate, by the
// language's rules: exactly the escape the handler is for.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wterminate"
void ThrowFromNoexcept() noexcept
{
    throw std::runtime_error("boom in a worker");
}
#pragma GCC diagnostic pop

} // namespace

TEST_CASE("Guarded returns the work's result, or the fallback after one line on stderr")
{
    CHECK(Guarded("adding", "nothing", [] { return 2 + 2; }, -1) == 4);
    int status = 0;
    const std::string printed = RunInChild(
        [] {
            const int got = Guarded("building the index", "the old one stays",
                                    []() -> int { throw std::runtime_error("disk on fire"); }, -1);
            const int oom = Guarded("decoding", "a placeholder stays", []() -> int { throw std::bad_alloc(); }, -2);
            const int odd = Guarded("anything", "carry on", []() -> int { throw 42; }, -3);
            _exit(got == -1 && oom == -2 && odd == -3 ? 0 : 1);
        },
        &status);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(printed.find("carekiosk: building the index failed (disk on fire); the old one stays") != std::string::npos);
    CHECK(printed.find("carekiosk: decoding failed (std::bad_alloc); a placeholder stays") != std::string::npos);
    CHECK(printed.find("carekiosk: anything failed (unknown exception); carry on") != std::string::npos);
}

TEST_CASE("The last failures are kept for the staff panel, the oldest dropped first")
{
    for (int i = 0; i < 12; i++)
        (void)Guarded("a job", std::to_string(i).c_str(), []() -> int { throw std::runtime_error("x"); }, 0);
    const std::vector<std::string> kept = RecentFailures();
    REQUIRE(kept.size() == 8);
    CHECK(kept.front() == "a job failed (x); 4");
    CHECK(kept.back() == "a job failed (x); 11");
}

TEST_CASE("The terminate handler logs the exception and a backtrace before the process ends")
{
    int status = 0;
    const std::string printed = RunInChild(
        [] {
            InstallTerminateHandler();
            ThrowFromNoexcept();
        },
        &status);
    REQUIRE(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGABRT);
    CHECK(printed.find("carekiosk: ending after an unexpected error: boom in a worker") != std::string::npos);
    CHECK(printed.find("where:") != std::string::npos);
    CHECK(printed.find("test_guard") != std::string::npos);   // a frame of this executable
}

// A loop woken by a worker must find its result: the wake-up comes after
// the value is stored, never before (the bug: a picture decoded, the loop
// woken, the future not ready yet, and the screen frozen until a touch).
TEST_CASE("a worker's done callback finds its result ready")
{
    for (int run = 0; run < 200; run++) {
        std::promise<void> assigned;
        std::shared_future<void> go = assigned.get_future().share();
        WorkerFuture<int> future;
        std::atomic<int> ready_when_done{-1};
        future = StartWorker<int>(
            [go] {
                go.wait();
                return 7;
            },
            [&] { ready_when_done = future.Ready() ? 1 : 0; });
        assigned.set_value();
        future.wait();
        while (ready_when_done < 0)
            std::this_thread::yield();
        REQUIRE(ready_when_done == 1);
        REQUIRE(future.get() == 7);
    }
}
