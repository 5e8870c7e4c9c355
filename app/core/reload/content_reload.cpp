// Live reload: MergeLastGood and the ContentReloader worker.
//
// Index
//   [SECTION] MergeLastGood
//   [SECTION] ContentReloader: public side (main thread)
//   [SECTION] ContentReloader: worker
#include "reload/content_reload.h"
#include "reload/content_watch.h"
#include <sys/eventfd.h>
#include <poll.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <exception>
#include <filesystem>
#include <set>

namespace fs = std::filesystem;

namespace ck {

//-----------------------------------------------------------------------------
// [SECTION] MergeLastGood
//-----------------------------------------------------------------------------

namespace {

std::string NormalLabel(const std::string& path)
{
    return fs::path(path).lexically_normal().generic_string();
}

// The name LoadContent gives `relative` in its diagnostics.
std::string FileLabel(const Content& content, const std::string& relative)
{
    return NormalLabel((fs::path(content.root) / relative).generic_string());
}

std::set<std::string> FilesWithErrors(const Diagnostics& diagnostics)
{
    std::set<std::string> files;
    for (const Diagnostic& d : diagnostics.Items())
        if (d.severity == Severity::Error && !d.file.empty())
            files.insert(NormalLabel(d.file));
    return files;
}

void CopyImages(const std::vector<Block>& blocks, const Content& previous, Content* fresh)
{
    for (const Block& block : blocks) {
        if (!block.image_key.empty() && !fresh->images.count(block.image_key)) {
            auto it = previous.images.find(block.image_key);
            if (it != previous.images.end())
                fresh->images.emplace(it->first, it->second);
        }
        CopyImages(block.children, previous, fresh);
    }
}

template <typename Map>
bool LostKeys(const Map& previous, const Map& fresh)
{
    for (const auto& entry : previous)
        if (!fresh.count(entry.first))
            return true;
    return false;
}

bool LostQuestions(const LanguageContent& previous, const LanguageContent& fresh)
{
    for (const FaqEntry& entry : previous.faq)
        if (!fresh.FindFaq(entry.id))
            return true;
    return false;
}

constexpr const char* kKeptMessage = "the kiosk is showing the last good version of this file until the mistake is fixed";

void MergeLanguage(const Content& previous, const LanguageContent& old_lang, const std::set<std::string>& broken,
                   Content* fresh, LanguageContent* lang, Diagnostics* diagnostics)
{
    bool pages_added = false;
    for (const Page& page : old_lang.pages) {
        const std::string label = FileLabel(*fresh, page.source);
        // Loaded despite an error (e.g. a bad "order"), or replaced by another
        // file with the same id: the fresh page wins.
        if (!broken.count(label) || lang->FindPage(page.id))
            continue;
        lang->pages.push_back(page);
        CopyImages(page.doc.blocks, previous, fresh);
        diagnostics->Warning(label, 0, 0, kKeptMessage);
        pages_added = true;
    }
    if (pages_added)
        std::stable_sort(lang->pages.begin(), lang->pages.end(), [](const Page& a, const Page& b) {
            return a.order != b.order ? a.order < b.order : a.title != b.title ? a.title < b.title : a.id < b.id;
        });

    const std::string folder = old_lang.lang + "/";
    const std::string faq_label = FileLabel(*fresh, folder + "faq.json");
    if (broken.count(faq_label) && LostQuestions(old_lang, *lang)) {
        lang->faq = old_lang.faq;
        for (const FaqEntry& entry : lang->faq)
            CopyImages(entry.answer.blocks, previous, fresh);
        diagnostics->Warning(faq_label, 0, 0, kKeptMessage);
    }
    const std::string synonyms_label = FileLabel(*fresh, folder + "synonyms.json");
    if (broken.count(synonyms_label) && LostKeys(old_lang.synonyms, lang->synonyms)) {
        lang->synonyms = old_lang.synonyms;
        diagnostics->Warning(synonyms_label, 0, 0, kKeptMessage);
    }
    const std::string ui_label = FileLabel(*fresh, folder + "ui.json");
    if (broken.count(ui_label) && LostKeys(old_lang.ui, lang->ui)) {
        lang->ui = old_lang.ui;
        diagnostics->Warning(ui_label, 0, 0, kKeptMessage);
    }
}

} // namespace

Content MergeLastGood(const Content& previous, Content fresh, Diagnostics* diagnostics)
{
    if (fresh.IsEmpty() && !previous.IsEmpty()) {
        diagnostics->Error(NormalLabel(fresh.root.empty() ? previous.root : fresh.root), 0, 0,
                           "the content folder is missing or has nothing to show; the kiosk keeps showing the "
                           "last good version until the files are back");
        return previous;
    }
    const std::set<std::string> broken = FilesWithErrors(*diagnostics);
    if (broken.empty())
        return fresh;
    // A language that is gone from `fresh` was removed or unlisted on purpose:
    // only languages present in both are merged.
    for (const LanguageContent& old_lang : previous.languages)
        for (LanguageContent& lang : fresh.languages)
            if (lang.lang == old_lang.lang)
                MergeLanguage(previous, old_lang, broken, &fresh, &lang, diagnostics);
    return fresh;
}

//-----------------------------------------------------------------------------
// [SECTION] ContentReloader: public side (main thread)
//-----------------------------------------------------------------------------

ContentReloader::ContentReloader(std::string root, std::shared_ptr<const Content> current, PostLoadHook post_load,
                                 std::function<void()> wake, ReloadOptions options)
    : root_(std::move(root)), post_load_(std::move(post_load)), wake_(std::move(wake)), options_(options),
      last_(std::move(current))
{
    // Watches are armed before the constructor returns, so a change made right
    // after it is never missed.
    try {
        watch_ = std::make_unique<ContentWatch>(root_);
        watching_ = watch_->Available();
        watch_problem_ = watch_->Problem();
        wake_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        if (wake_fd_ < 0) {
            watching_ = false;
            watch_problem_ = "the reload worker cannot be started; restart the kiosk to see content changes";
            return;
        }
        worker_ = std::thread(&ContentReloader::Run, this);
    } catch (const std::exception& e) {
        watching_ = false;
        watch_problem_ = std::string("the reload worker cannot be started (") + e.what()
                         + "); restart the kiosk to see content changes";
    }
}

ContentReloader::~ContentReloader()
{
    stop_ = true;
    Signal();
    if (worker_.joinable())
        worker_.join();
    if (wake_fd_ >= 0)
        close(wake_fd_);
}

void ContentReloader::Signal()
{
    if (wake_fd_ < 0)
        return;
    const uint64_t one = 1;
    while (write(wake_fd_, &one, sizeof(one)) < 0 && errno == EINTR) {
    }
}

std::optional<ContentUpdate> ContentReloader::TakeUpdate()
{
    std::lock_guard<std::mutex> lock(mutex_);
    std::optional<ContentUpdate> update = std::move(ready_);
    ready_.reset();
    return update;
}

void ContentReloader::ReloadNow()
{
    reload_now_ = true;
    Signal();
}

std::string ContentReloader::WatchProblem() const
{
    std::lock_guard<std::mutex> lock(mutex_);
    return watch_problem_;
}

//-----------------------------------------------------------------------------
// [SECTION] ContentReloader: worker
//-----------------------------------------------------------------------------

namespace {

using Clock = std::chrono::steady_clock;

int MillisecondsUntil(Clock::time_point when)
{
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(when - Clock::now()).count();
    return left <= 0 ? 0 : static_cast<int>(std::min<long long>(left, 60 * 60 * 1000));
}

} // namespace

// Waits for changes, debounces them and reloads. Changes made while a reload
// runs stay queued in inotify and start the next pass.
void ContentReloader::Run()
{
    bool pending = !last_;   // no content yet: load at once
    Clock::time_point first_change = Clock::now();
    Clock::time_point last_change = first_change - std::chrono::milliseconds(options_.quiet_ms);
    while (!stop_) {
        int timeout = -1;
        if (pending) {
            const Clock::time_point due = std::min(last_change + std::chrono::milliseconds(options_.quiet_ms),
                                                   first_change + std::chrono::milliseconds(options_.max_delay_ms));
            timeout = MillisecondsUntil(due);
        }
        if (watch_->Available() && !watch_->RootWatched())
            timeout = timeout < 0 ? options_.root_poll_ms : std::min(timeout, options_.root_poll_ms);

        pollfd fds[2] = {{wake_fd_, POLLIN, 0}, {watch_->Fd(), POLLIN, 0}};
        const int ready = poll(fds, 2, timeout);
        if (ready < 0 && errno != EINTR)
            break;   // cannot wait any more; the kiosk keeps its content
        if (stop_)
            break;
        uint64_t count = 0;
        while (read(wake_fd_, &count, sizeof(count)) > 0) {
        }

        bool changed = watch_->ReadEvents();
        if (!watch_->RootWatched())
            changed |= watch_->PollRoot();
        if (changed) {
            const Clock::time_point now = Clock::now();
            if (!pending)
                first_change = now;
            last_change = now;
            pending = true;
        }
        if (reload_now_.exchange(false)) {
            pending = true;
            first_change = Clock::now() - std::chrono::milliseconds(options_.max_delay_ms);
        }
        if (pending && MillisecondsUntil(std::min(last_change + std::chrono::milliseconds(options_.quiet_ms),
                                                  first_change + std::chrono::milliseconds(options_.max_delay_ms)))
                           == 0) {
            pending = false;
            Reload();
        }
    }
}

void ContentReloader::Reload()
{
    busy_ = true;
    reloads_started_++;
    const Clock::time_point start = Clock::now();
    ContentUpdate update;
    try {
        LoadResult loaded = LoadContent(root_);
        update.diagnostics = std::move(loaded.diagnostics);
        if (last_) {
            update.kept_previous = loaded.content->IsEmpty() && !last_->IsEmpty();
            Content merged = MergeLastGood(*last_, *loaded.content, &update.diagnostics);
            update.content = update.kept_previous ? last_ : std::make_shared<const Content>(std::move(merged));
        } else {
            update.content = std::move(loaded.content);
        }
        if (post_load_)
            update.extra = post_load_(*update.content, &update.diagnostics);
    } catch (const std::exception& e) {
        update.diagnostics.Error(root_, 0, 0, std::string("reloading the content failed (") + e.what()
                                                  + "); the kiosk keeps showing the last version");
    } catch (...) {
        update.diagnostics.Error(root_, 0, 0, "reloading the content failed; the kiosk keeps showing the last version");
    }
    if (!update.content) {
        if (!last_) {
            busy_ = false;
            return;   // nothing to show at all; the next change tries again
        }
        update.content = last_;
        update.kept_previous = true;
    }
    if (!watch_->Problem().empty())
        update.diagnostics.Warning(root_, 0, 0, watch_->Problem());
    update.load_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    update.generation = ++generation_;
    last_ = update.content;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        watch_problem_ = watch_->Problem();
        ready_ = std::move(update);
    }
    busy_ = false;
    if (wake_) {
        try {
            wake_();
        } catch (...) {
            // The update waits for the next TakeUpdate anyway.
        }
    }
}

} // namespace ck
