// SearchController: the kiosk's side of search. Owns the SearchIndex (opened on a
// background thread at start-up so the first frame never waits for it, or
// handed over after a content reload), runs the Session's query between
// frames when the (language, query) pair changes, and keeps recent results
// so Backspace and retyping cost nothing. The search screen only draws the
// ui::SearchView this fills.
#pragma once
#include "base/worker.h"
#include "content/content.h"
#include "reload/disposer.h"
#include "search/search.h"
#include "screens/search_screen.h"
#include <functional>
#include <future>
#include <list>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace ck {

class SearchController {
public:
    // `disposer` (optional, must outlive this) frees superseded indexes off
    // the render thread; without one they are freed where they are dropped.
    explicit SearchController(Disposer* disposer = nullptr) : disposer_(disposer) {}
    SearchController(const SearchController&) = delete;
    SearchController& operator=(const SearchController&) = delete;
    ~SearchController();   // waits for an open still in progress

    // Starts opening the index of `content` on a background thread. The
    // index in use keeps answering until the new one is ready (after a
    // reload: seconds for a large folder whose index must be rebuilt).
    void StartOpen(std::shared_ptr<const Content> content, SearchOptions options);
    // Blocks until the open started by StartOpen has finished (screenshots).
    void WaitUntilOpen();
    // Uses `index` from now on (a reload's rebuilt index); an open still in
    // progress is discarded when it finishes. Cached results are dropped.
    void SetIndex(std::shared_ptr<const SearchIndex> index);
    // True while the background open runs.
    bool Opening() const { return opening_.valid(); }
    // Called on the worker once a finished open can be taken, so that the
    // event loop wakes to show the results (may be empty).
    std::function<void()> on_opened;
    // Takes a finished background open into use; true when it did.
    bool AdoptFinishedOpen();
    // The index in use (null until the open finishes); the staff panel reads Info().
    std::shared_ptr<const SearchIndex> Index() const { return index_; }

    // Between frames: adopts a finished background open, then answers
    // (lang, query) if that is not what the view already holds. Returns true
    // when the view changed (redraw; new results start at the top).
    bool Update(const std::string& lang, const std::string& query);
    // Drops the cached results and the view (a new patient: nothing of the
    // previous one's searches may come back). The index stays.
    void Forget();
    const ui::SearchView& View() const { return view_; }

    static constexpr int kMaxResults = 8;
    static constexpr size_t kCachedQueries = 64;

private:
    // The worker's body: builds or opens the index, prints its diagnostics.
    static std::shared_ptr<const SearchIndex> OpenIndex(std::shared_ptr<const Content> content,
                                                        const SearchOptions& options);
    void ReapRetired();
    void Drop(std::shared_ptr<const SearchIndex> index);

    Disposer* disposer_ = nullptr;
    WorkerFuture<std::shared_ptr<const SearchIndex>> opening_;
    bool discard_opening_ = false;
    std::vector<WorkerFuture<std::shared_ptr<const SearchIndex>>> retired_;   // superseded opens, still running
    std::shared_ptr<const SearchIndex> index_;
    // Most recent first; a handful of entries, so a list is fast enough.
    std::list<std::pair<std::string, SearchResults>> cache_;
    ui::SearchView view_;
};

} // namespace ck
