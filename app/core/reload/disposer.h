// Disposer: frees what the render thread no longer needs on a thread of its
// own, then hands the freed pages back to the system (malloc_trim).
//
// Why: after a reload the old content (every page's document, every answer)
// and the old search index have to go, and a trim of a heap that held a
// 500-page folder walks every arena; on the render thread that takes tens of
// milliseconds of one frame, a visible stutter under a patient's finger.
//
// Rules a caller must know:
// - Dispose() only drops the reference it is given: an object someone else
//   still holds lives on and is freed wherever its last holder lets go.
// - One thread, started by the constructor; the destructor frees whatever is
//   still queued and joins it (it never detaches).
#pragma once
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace ck {

class Disposer {
public:
    Disposer();
    ~Disposer();
    Disposer(const Disposer&) = delete;
    Disposer& operator=(const Disposer&) = delete;

    // Drops `object` on the disposer's thread, then trims the heap. A null
    // object only trims (after an idle reset freed the last patient's state).
    void Dispose(std::shared_ptr<const void> object);
    // Blocks until everything handed over so far is dropped and trimmed.
    void Flush();
    // Trims done so far (one per batch of objects; tests and diagnostics).
    unsigned long Trims() const;

private:
    void Run();

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable done_;
    std::vector<std::shared_ptr<const void>> queue_;
    bool pending_ = false;    // something to drop or a trim was asked for
    bool working_ = false;    // the thread is dropping a batch now
    bool stop_ = false;
    unsigned long trims_ = 0;
    std::thread thread_;
};

} // namespace ck
