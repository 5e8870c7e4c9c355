// Disposer. See disposer.h.
#include "reload/disposer.h"

#include <malloc.h>

namespace ck {

Disposer::Disposer() : thread_([this] { Run(); }) {}

Disposer::~Disposer()
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

void Disposer::Dispose(std::shared_ptr<const void> object)
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (object)
            queue_.push_back(std::move(object));
        pending_ = true;
    }
    wake_.notify_one();
}

void Disposer::Flush()
{
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [this] { return !pending_ && !working_; });
}

unsigned long Disposer::Trims() const
{
    std::lock_guard<std::mutex> lock(mutex_);
    return trims_;
}

void Disposer::Run()
{
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return pending_ || stop_; });
        if (!pending_ && stop_)
            return;
        std::vector<std::shared_ptr<const void>> batch;
        batch.swap(queue_);
        pending_ = false;
        working_ = true;
        lock.unlock();
        batch.clear();   // the objects whose last reference this was are freed here
        malloc_trim(0);
        lock.lock();
        working_ = false;
        trims_++;
        done_.notify_all();
    }
}

} // namespace ck
