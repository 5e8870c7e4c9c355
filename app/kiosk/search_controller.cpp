// SearchController. See search_controller.h.
#include "search_controller.h"
#include "base/guard.h"

#include <chrono>
#include <cstdio>
#include <malloc.h>

namespace ck {

SearchController::~SearchController()
{
    if (opening_.valid())
        opening_.wait();
    for (auto& open : retired_)
        open.wait();
}

void SearchController::StartOpen(std::shared_ptr<const Content> content, SearchOptions options)
{
    // An older open still building (reloads in quick succession) finishes on
    // its own thread and is dropped; waiting for it here would stall a frame.
    if (opening_.valid())
        retired_.push_back(std::move(opening_));
    ReapRetired();
    discard_opening_ = false;
    opening_ = StartWorker<std::shared_ptr<const SearchIndex>>(
        [content = std::move(content), options = std::move(options)]() mutable {
            return Guarded("building the search index", "the previous index keeps answering",
                           [&] { return OpenIndex(std::move(content), options); },
                           std::shared_ptr<const SearchIndex>());
        },
        on_opened);
}

std::shared_ptr<const SearchIndex> SearchController::OpenIndex(std::shared_ptr<const Content> content,
                                                          const SearchOptions& options)
{
    {
        Diagnostics diagnostics;
        std::shared_ptr<const SearchIndex> index = SearchIndex::Open(*content, options, &diagnostics);
        content.reset();   // not held by the future until the render thread takes it
        PrintDiagnostics(diagnostics, stderr);
        // Building an index (first start, new content) frees tens of MB of
        // term lists and buffers in this thread's malloc arena; give those
        // pages back now, not at the next idle reset.
        malloc_trim(0);
        return index;
    }
}

void SearchController::WaitUntilOpen()
{
    if (opening_.valid())
        opening_.wait();
    AdoptFinishedOpen();
}

void SearchController::Drop(std::shared_ptr<const SearchIndex> index)
{
    if (disposer_ && index)
        disposer_->Dispose(std::move(index));
}

void SearchController::SetIndex(std::shared_ptr<const SearchIndex> index)
{
    Drop(std::exchange(index_, std::move(index)));
    discard_opening_ = opening_.valid();
    cache_.clear();
    view_ = ui::SearchView();
}

void SearchController::Forget()
{
    cache_.clear();
    view_ = ui::SearchView();
}

void SearchController::ReapRetired()
{
    for (auto it = retired_.begin(); it != retired_.end();) {
        if (!it->Ready()) {
            ++it;
            continue;
        }
        Drop(it->get());
        it = retired_.erase(it);
    }
}

bool SearchController::AdoptFinishedOpen()
{
    ReapRetired();
    if (!opening_.valid() || !opening_.Ready())
        return false;
    std::shared_ptr<const SearchIndex> index = opening_.get();
    if (!index)
        return false;   // the open failed (reported); the current index stays
    if (discard_opening_) {
        discard_opening_ = false;
        Drop(std::move(index));
        return false;
    }
    SetIndex(std::move(index));
    return true;
}

bool SearchController::Update(const std::string& lang, const std::string& query)
{
    const bool adopted = AdoptFinishedOpen();
    if (!index_)
        return adopted;
    if (view_.ready && view_.lang == lang && view_.query == query)
        return adopted;
    view_.ready = true;
    view_.lang = lang;
    view_.query = query;

    const std::string key = lang + '\n' + query;
    for (auto it = cache_.begin(); it != cache_.end(); ++it)
        if (it->first == key) {
            cache_.splice(cache_.begin(), cache_, it);
            view_.results = it->second;
            return true;
        }
    view_.results = index_->Search(lang, query, kMaxResults);
    cache_.emplace_front(key, view_.results);
    if (cache_.size() > kCachedQueries)
        cache_.pop_back();
    return true;
}

} // namespace ck
