// Disposer: objects handed over are freed on its thread, not the caller's;
// references kept elsewhere keep them alive; Flush and the destructor wait.
#include "reload/disposer.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

using namespace ck;

namespace {

struct Tracked {
    Tracked(std::atomic<int>* count, std::thread::id* on) : destroyed(count), destroyed_on(on) {}
    Tracked(const Tracked&) = delete;
    std::atomic<int>* destroyed;
    std::thread::id* destroyed_on;
    ~Tracked()
    {
        *destroyed_on = std::this_thread::get_id();
        destroyed->fetch_add(1);
    }
};

} // namespace

TEST_CASE("Disposer frees what it is handed on its own thread, and trims after", "[disposer]")
{
    std::atomic<int> destroyed{0};
    std::thread::id on;
    Disposer disposer;
    const unsigned long trims = disposer.Trims();
    disposer.Dispose(std::make_shared<Tracked>(&destroyed, &on));
    disposer.Flush();
    CHECK(destroyed.load() == 1);
    CHECK(on != std::thread::id());
    CHECK(on != std::this_thread::get_id());
    CHECK(disposer.Trims() > trims);
}

TEST_CASE("Disposer drops only its own reference: a holder elsewhere keeps the object", "[disposer]")
{
    std::atomic<int> destroyed{0};
    std::thread::id on;
    Disposer disposer;
    auto kept = std::make_shared<Tracked>(&destroyed, &on);
    disposer.Dispose(kept);
    disposer.Flush();
    CHECK(destroyed.load() == 0);
    kept.reset();   // the last holder frees it, here
    CHECK(destroyed.load() == 1);
    CHECK(on == std::this_thread::get_id());
}

TEST_CASE("Disposer with nothing to drop still trims, and its destructor frees what is queued", "[disposer]")
{
    std::atomic<int> destroyed{0};
    std::thread::id on;
    {
        Disposer disposer;
        const unsigned long trims = disposer.Trims();
        disposer.Dispose(nullptr);
        disposer.Flush();
        CHECK(disposer.Trims() == trims + 1);
        for (int i = 0; i < 50; i++)
            disposer.Dispose(std::make_shared<Tracked>(&destroyed, &on));
    }
    CHECK(destroyed.load() == 50);
}
