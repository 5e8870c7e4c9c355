// WorkerFuture: a result computed on a thread of its own that tells the
// event loop when it is ready.
//
// Rules a caller must know:
// - `done` runs on the worker after the result is stored, so a loop woken
//   by it always finds the future ready. (std::async cannot promise that: a
//   wake-up sent from inside its task arrives before the value, and a loop
//   that looks then, finds nothing and sleeps, shows a frozen screen until
//   the next touch.)
// - `work` must not throw; wrap it in Guarded() (guard.h).
// - Destroying or replacing a WorkerFuture joins its thread.
#pragma once
#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <utility>

namespace ck {

template <class T>
class WorkerFuture {
public:
    WorkerFuture() = default;
    WorkerFuture(std::future<T> result, std::future<void> thread)
        : result_(std::move(result)), thread_(std::move(thread))
    {
    }

    bool valid() const { return result_.valid(); }
    bool Ready() const { return result_.wait_for(std::chrono::seconds(0)) == std::future_status::ready; }
    void wait() const { result_.wait(); }
    T get() { return result_.get(); }

private:
    std::future<T> result_;       // ready before `done` runs
    std::future<void> thread_;    // declared last, destroyed first: joins the worker
};

// Runs `work` (returning T) on a new thread, then `done` (may be empty).
template <class T, class Work>
WorkerFuture<T> StartWorker(Work&& work, std::function<void()> done)
{
    auto task = std::make_shared<std::packaged_task<T()>>(std::forward<Work>(work));
    std::future<T> result = task->get_future();
    std::future<void> thread = std::async(std::launch::async, [task, done = std::move(done)] {
        (*task)();
        if (done)
            done();
    });
    return WorkerFuture<T>(std::move(result), std::move(thread));
}

} // namespace ck
