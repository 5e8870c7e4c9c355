// Live reload of the content folder: a background worker watches the folder
// (ContentWatch), waits for a burst of changes to settle, loads the folder
// again and hands the result to the main thread, which picks it up between
// frames. Files that now fail to load keep their last good version.
//
// Rules a caller must know:
// - One worker thread, owned by ContentReloader; the destructor stops it and
//   waits for a reload in progress to finish (it never detaches).
// - `post_load` (optional) runs on the worker after each load, e.g. to open
//   the search index for the new content; what it returns travels in
//   ContentUpdate::extra. `wake` (optional) is called on the worker when an
//   update is ready, e.g. glfwPostEmptyEvent, so a main loop blocked waiting
//   for input wakes up; it must be safe to call from another thread.
// - Nothing here throws: problems (including exceptions from the hook) end up
//   in the update's diagnostics, and the previous content stays.
#pragma once
#include "content/content.h"
#include "base/diagnostics.h"
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace ck {

// Content to show after a reload: `fresh`, except that what failed to load
// now keeps its version from `previous`:
// - a page whose file has an error and did not load keeps its previous page;
// - faq.json, synonyms.json or ui.json with an error that lost entries keeps
//   its previous entries (the whole file's set);
// - an empty or missing folder keeps all of `previous` (an error says so).
// Pictures of kept pages and answers come along. Reads the errors in
// `diagnostics` (those of loading `fresh`) and adds a warning for each
// kept file.
Content MergeLastGood(const Content& previous, Content fresh, Diagnostics* diagnostics);

struct ContentUpdate {
    std::shared_ptr<const Content> content;   // never null
    Diagnostics diagnostics;                  // of this load, merge and hook
    std::shared_ptr<void> extra;              // what post_load returned (may be null)
    double load_ms = 0.0;                     // load + merge + post_load, wall clock
    uint64_t generation = 0;                  // 1, 2, 3 ... in the order loads finished
    bool kept_previous = false;               // the folder was missing or empty: nothing changed
};

struct ReloadOptions {
    int quiet_ms = 300;          // reload once the folder has been quiet this long...
    int max_delay_ms = 2000;     // ...but no later than this after the first change
    int root_poll_ms = 1000;     // how often to look for the folder while it is gone
};

using PostLoadHook = std::function<std::shared_ptr<void>(const Content& content, Diagnostics* diagnostics)>;

class ContentWatch;

class ContentReloader {
public:
    // `current` is the content on screen now (the base for "last good"); when
    // null, the worker loads the folder straight away.
    ContentReloader(std::string root, std::shared_ptr<const Content> current, PostLoadHook post_load = {},
                    std::function<void()> wake = {}, ReloadOptions options = {});
    ~ContentReloader();
    ContentReloader(const ContentReloader&) = delete;
    ContentReloader& operator=(const ContentReloader&) = delete;

    // The newest finished reload not yet taken, if any. Only the newest is
    // kept: generations skipped between two calls are not delivered.
    std::optional<ContentUpdate> TakeUpdate();
    // Reload at once, without waiting for a change (the staff Reload button).
    void ReloadNow();

    // False when changes cannot be watched (only ReloadNow reloads); the
    // reason is in WatchProblem().
    bool Watching() const { return watching_; }
    std::string WatchProblem() const;
    uint64_t ReloadsStarted() const { return reloads_started_.load(); }
    bool Busy() const { return busy_.load(); }   // a reload is running now

private:
    void Run();
    void Reload();
    void Signal();

    const std::string root_;
    const PostLoadHook post_load_;
    const std::function<void()> wake_;
    const ReloadOptions options_;
    std::shared_ptr<const Content> last_;     // worker only: the base for the next merge
    std::unique_ptr<ContentWatch> watch_;     // worker only after construction
    int wake_fd_ = -1;                        // eventfd: stop or ReloadNow
    bool watching_ = false;
    std::string watch_problem_;

    std::atomic<bool> stop_{false};
    std::atomic<bool> reload_now_{false};
    std::atomic<bool> busy_{false};
    std::atomic<uint64_t> reloads_started_{0};
    uint64_t generation_ = 0;                 // worker only

    mutable std::mutex mutex_;                // guards ready_
    std::optional<ContentUpdate> ready_;
    std::thread worker_;
};

} // namespace ck
