// Live reload: ContentWatch, MergeLastGood and ContentReloader over a small
// content folder written into a fresh temporary folder by each test.
#include "reload/content_reload.h"
#include "reload/content_watch.h"
#include <catch2/catch.hpp>
#include <stdlib.h>
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

using namespace ck;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

namespace {

//-----------------------------------------------------------------------------
// Helpers
//-----------------------------------------------------------------------------

void WriteFile(const fs::path& path, const std::string& text)
{
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

std::string PageText(const std::string& title, const std::string& body = "Some text for patients.")
{
    return "---\ntitle: " + title + "\n---\n\n" + body + "\n";
}

const char* kFaq = R"({"questions": [
  {"id": "does-it-hurt", "question": "Does it hurt?", "answer": "A little."},
  {"id": "how-long", "question": "How long does it take?", "answer": "An hour."}
]})";

// A unique temporary folder holding `content/`, removed at the end.
class TempContent {
public:
    TempContent()
    {
        std::string pattern = (fs::temp_directory_path() / "carekiosk-reload-XXXXXX").string();
        if (mkdtemp(pattern.data()))
            base_ = pattern;
        root_ = base_ / "content";
        WriteDefault(root_);
    }
    ~TempContent()
    {
        std::error_code ec;
        if (!base_.empty())
            fs::remove_all(base_, ec);
    }
    static void WriteDefault(const fs::path& root)
    {
        WriteFile(root / "kiosk.json", R"({"clinic_name": "Test clinic", "languages": ["en", "es"], "default_language": "en"})");
        WriteFile(root / "en/pages/aftercare.md", PageText("Aftercare"));
        WriteFile(root / "en/pages/risks.md", PageText("Risks"));
        WriteFile(root / "en/faq.json", kFaq);
    }
    const fs::path& Base() const { return base_; }
    const fs::path& Root() const { return root_; }
    std::string RootString() const { return root_.string(); }

private:
    fs::path base_;
    fs::path root_;
};

// Counts wake calls and lets the test wait for the next update without
// fixed sleeps: the reloader's wake callback notifies the condition variable.
class UpdateWaiter {
public:
    std::function<void()> WakeCallback()
    {
        return [this] {
            std::lock_guard<std::mutex> lock(mutex_);
            wakes_++;
            cv_.notify_all();
        };
    }
    // The next update, or nullopt after `timeout_ms`.
    std::optional<ContentUpdate> Next(ContentReloader& reloader, int timeout_ms)
    {
        const auto deadline = Clock::now() + milliseconds(timeout_ms);
        for (;;) {
            if (auto update = reloader.TakeUpdate())
                return update;
            std::unique_lock<std::mutex> lock(mutex_);
            if (cv_.wait_until(lock, std::min(deadline, Clock::now() + milliseconds(50))) == std::cv_status::timeout
                && Clock::now() >= deadline)
                return reloader.TakeUpdate();
        }
    }
    // Updates until one satisfies `done` (returned), or nullopt at the timeout.
    template <typename Pred>
    std::optional<ContentUpdate> Until(ContentReloader& reloader, int timeout_ms, Pred done)
    {
        const auto deadline = Clock::now() + milliseconds(timeout_ms);
        while (Clock::now() < deadline) {
            auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now()).count();
            auto update = Next(reloader, static_cast<int>(std::max<long long>(left, 1)));
            if (update && done(*update))
                return update;
        }
        return std::nullopt;
    }
    int Wakes()
    {
        std::lock_guard<std::mutex> lock(mutex_);
        return wakes_;
    }

private:
    std::mutex mutex_;
    std::condition_variable cv_;
    int wakes_ = 0;
};

std::string Title(const Content& content, const std::string& lang, const std::string& id)
{
    const LanguageContent* language = content.Language(lang);
    const Page* page = language ? language->FindPage(id) : nullptr;
    return page ? page->title : std::string("<missing>");
}

bool HasDiagnostic(const Diagnostics& diag, Severity severity, const std::string& file_end, const std::string& part)
{
    for (const Diagnostic& d : diag.Items())
        if (d.severity == severity && d.file.size() >= file_end.size()
            && d.file.compare(d.file.size() - file_end.size(), file_end.size(), file_end) == 0
            && d.message.find(part) != std::string::npos)
            return true;
    return false;
}

ReloadOptions FastOptions()
{
    ReloadOptions options;
    options.quiet_ms = 100;
    options.max_delay_ms = 1000;
    options.root_poll_ms = 200;
    return options;
}

} // namespace

//-----------------------------------------------------------------------------
// ContentWatch
//-----------------------------------------------------------------------------

TEST_CASE("ContentWatch watches only as deep as content lives, and a bounded number of folders", "[reload][watch]")
{
    TempContent temp;
    fs::path deep = temp.Root() / "en/pages";
    for (int i = 0; i < 200; i++)
        deep /= "d";
    fs::create_directories(deep);
    for (int i = 0; i < 400; i++)
        fs::create_directories(temp.Root() / "xx" / ("f" + std::to_string(i)));
    ContentWatch watch(temp.RootString());
    REQUIRE(watch.Available());
    const std::vector<std::string> folders = watch.WatchedFolders();
    CHECK(std::find(folders.begin(), folders.end(), (temp.Root() / "en/pages").string()) != folders.end());
    CHECK(std::find(folders.begin(), folders.end(), (temp.Root() / "en/pages/d").string()) == folders.end());
    CHECK(folders.size() <= 256);
    CHECK(watch.Problem().find("more than 256 folders") != std::string::npos);
}

TEST_CASE("ContentWatch watches sub-folders, new ones too, and the folder's return", "[reload][watch]")
{
    TempContent temp;
    ContentWatch watch(temp.RootString());
    REQUIRE(watch.Available());
    REQUIRE(watch.RootWatched());
    auto watched = [&](const fs::path& dir) {
        const std::vector<std::string> folders = watch.WatchedFolders();
        return std::find(folders.begin(), folders.end(), dir.string()) != folders.end();
    };
    CHECK(watched(temp.Root()));
    CHECK(watched(temp.Root() / "en"));
    CHECK(watched(temp.Root() / "en/pages"));
    CHECK_FALSE(watch.ReadEvents());   // nothing happened yet

    // inotify queues events during the system call, so they are there to read now.
    fs::create_directories(temp.Root() / "es/pages");
    CHECK(watch.ReadEvents());
    CHECK(watched(temp.Root() / "es"));
    CHECK(watched(temp.Root() / "es/pages"));

    WriteFile(temp.Root() / "es/pages/aftercare.md", PageText("Cuidados"));
    CHECK(watch.ReadEvents());

    // A folder moved out of the tree is no longer watched.
    fs::rename(temp.Root() / "es", temp.Base() / "es-old");
    CHECK(watch.ReadEvents());
    CHECK_FALSE(watched(temp.Root() / "es"));
    WriteFile(temp.Base() / "es-old/pages/other.md", PageText("Other"));
    CHECK_FALSE(watch.ReadEvents());

    // The whole folder goes away, then comes back under the same name.
    fs::rename(temp.Root(), temp.Base() / "content-old");
    CHECK(watch.ReadEvents());
    CHECK_FALSE(watch.RootWatched());
    CHECK_FALSE(watch.PollRoot());
    TempContent::WriteDefault(temp.Root());
    CHECK(watch.ReadEvents());   // seen through the parent folder, no polling needed
    CHECK(watch.RootWatched());
    CHECK(watched(temp.Root() / "en/pages"));
    WriteFile(temp.Base() / "content-old/en/pages/aftercare.md", PageText("Old folder"));
    CHECK_FALSE(watch.ReadEvents());
}

//-----------------------------------------------------------------------------
// MergeLastGood
//-----------------------------------------------------------------------------

TEST_CASE("MergeLastGood keeps the last good version of broken files only", "[reload][merge]")
{
    TempContent temp;
    const LoadResult first = LoadContent(temp.RootString());
    REQUIRE_FALSE(HasDiagnostic(first.diagnostics, Severity::Error, "aftercare.md", ""));
    REQUIRE(Title(*first.content, "en", "risks") == "Risks");

    SECTION("a broken page keeps its old version, another page's edit applies")
    {
        WriteFile(temp.Root() / "en/pages/aftercare.md", "---\ntitle: [unclosed\n---\n\nText.\n");
        WriteFile(temp.Root() / "en/pages/risks.md", PageText("Risks, updated"));
        LoadResult fresh = LoadContent(temp.RootString());
        REQUIRE(fresh.content->Language("en")->FindPage("aftercare") == nullptr);   // the loader skipped it
        Diagnostics diag = fresh.diagnostics;
        const Content merged = MergeLastGood(*first.content, *fresh.content, &diag);
        CHECK(Title(merged, "en", "aftercare") == "Aftercare");
        CHECK(Title(merged, "en", "risks") == "Risks, updated");
        CHECK(HasDiagnostic(diag, Severity::Error, "en/pages/aftercare.md", ""));
        CHECK(HasDiagnostic(diag, Severity::Warning, "en/pages/aftercare.md", "last good version"));
        CHECK_FALSE(HasDiagnostic(diag, Severity::Warning, "en/pages/risks.md", "last good version"));
        // Home tiles still list the kept page.
        const std::vector<std::string> tiles = merged.HomeTiles("en");
        CHECK(std::find(tiles.begin(), tiles.end(), "aftercare") != tiles.end());
    }
    SECTION("a deleted page is gone: deleting is not a mistake")
    {
        fs::remove(temp.Root() / "en/pages/aftercare.md");
        LoadResult fresh = LoadContent(temp.RootString());
        Diagnostics diag = fresh.diagnostics;
        const Content merged = MergeLastGood(*first.content, *fresh.content, &diag);
        CHECK(Title(merged, "en", "aftercare") == "<missing>");
        CHECK_FALSE(HasDiagnostic(diag, Severity::Warning, "", "last good version"));
    }
    SECTION("a broken faq.json keeps the previous questions")
    {
        WriteFile(temp.Root() / "en/faq.json", "{\"questions\": [ {\"id\": \"does-it-hurt\", ");
        LoadResult fresh = LoadContent(temp.RootString());
        REQUIRE(fresh.content->Language("en")->faq.empty());
        Diagnostics diag = fresh.diagnostics;
        const Content merged = MergeLastGood(*first.content, *fresh.content, &diag);
        REQUIRE(merged.Language("en")->faq.size() == 2);
        CHECK(merged.Language("en")->faq[0].id == "does-it-hurt");
        CHECK(HasDiagnostic(diag, Severity::Warning, "en/faq.json", "last good version"));
    }
    SECTION("a page fixed again replaces the kept one")
    {
        WriteFile(temp.Root() / "en/pages/aftercare.md", "---\ntitle: [unclosed\n---\n");
        LoadResult broken = LoadContent(temp.RootString());
        Diagnostics diag = broken.diagnostics;
        const Content kept = MergeLastGood(*first.content, *broken.content, &diag);
        REQUIRE(Title(kept, "en", "aftercare") == "Aftercare");
        WriteFile(temp.Root() / "en/pages/aftercare.md", PageText("Aftercare, fixed"));
        LoadResult fixed = LoadContent(temp.RootString());
        Diagnostics fixed_diag = fixed.diagnostics;
        const Content merged = MergeLastGood(kept, *fixed.content, &fixed_diag);
        CHECK(Title(merged, "en", "aftercare") == "Aftercare, fixed");
        CHECK_FALSE(HasDiagnostic(fixed_diag, Severity::Warning, "", "last good version"));
    }
    SECTION("a missing folder keeps everything and says so")
    {
        fs::remove_all(temp.Root());
        LoadResult fresh = LoadContent(temp.RootString());
        Diagnostics diag = fresh.diagnostics;
        const Content merged = MergeLastGood(*first.content, *fresh.content, &diag);
        CHECK(Title(merged, "en", "aftercare") == "Aftercare");
        CHECK(merged.Language("en")->faq.size() == 2);
        CHECK(HasDiagnostic(diag, Severity::Error, "content", "last good version"));
    }
}

//-----------------------------------------------------------------------------
// ContentReloader
//-----------------------------------------------------------------------------

TEST_CASE("ContentReloader picks up a saved page within 2 s and publishes it once", "[reload]")
{
    TempContent temp;
    UpdateWaiter waiter;
    ContentReloader reloader(temp.RootString(), LoadContent(temp.RootString()).content, {}, waiter.WakeCallback());
    REQUIRE(reloader.Watching());

    const auto written = Clock::now();
    WriteFile(temp.Root() / "en/pages/aftercare.md", PageText("Aftercare, edited"));
    const auto update = waiter.Next(reloader, 3000);
    const auto took = std::chrono::duration_cast<milliseconds>(Clock::now() - written).count();
    REQUIRE(update);
    CHECK(took < 2000);
    CHECK(took >= 250);   // the default 300 ms quiet time was waited for
    CHECK(Title(*update->content, "en", "aftercare") == "Aftercare, edited");
    CHECK(update->generation == 1);
    CHECK(update->load_ms >= 0.0);
    CHECK_FALSE(update->kept_previous);
    CHECK(waiter.Wakes() == 1);

    CHECK_FALSE(waiter.Next(reloader, 700));   // published once
    CHECK(reloader.ReloadsStarted() == 1);
}

TEST_CASE("ContentReloader debounces a burst of writes", "[reload]")
{
    TempContent temp;
    UpdateWaiter waiter;
    ReloadOptions options = FastOptions();
    options.quiet_ms = 200;
    ContentReloader reloader(temp.RootString(), LoadContent(temp.RootString()).content, {}, waiter.WakeCallback(),
                             options);
    for (int i = 1; i <= 20; ++i) {
        WriteFile(temp.Root() / "en/pages/risks.md", PageText("Risks " + std::to_string(i)));
        std::this_thread::sleep_for(milliseconds(5));   // an editor saving repeatedly
    }
    const auto update = waiter.Until(reloader, 3000, [](const ContentUpdate& u) {
        return Title(*u.content, "en", "risks") == "Risks 20";
    });
    REQUIRE(update);
    CHECK_FALSE(waiter.Next(reloader, 500));
    CHECK(reloader.ReloadsStarted() >= 1);
    CHECK(reloader.ReloadsStarted() <= 2);
}

TEST_CASE("ContentReloader reloads within the maximum delay while writes go on", "[reload]")
{
    TempContent temp;
    UpdateWaiter waiter;
    ReloadOptions options;
    options.quiet_ms = 300;
    options.max_delay_ms = 400;
    ContentReloader reloader(temp.RootString(), LoadContent(temp.RootString()).content, {}, waiter.WakeCallback(),
                             options);
    const auto start = Clock::now();
    for (int i = 0; Clock::now() - start < milliseconds(1200); ++i) {
        WriteFile(temp.Root() / "en/pages/risks.md", PageText("Risks " + std::to_string(i)));
        std::this_thread::sleep_for(milliseconds(50));   // never quiet for 300 ms
    }
    // At least one reload happened while the writes went on.
    CHECK(reloader.ReloadsStarted() >= 1);
    CHECK(waiter.Next(reloader, 2000));
}

TEST_CASE("ContentReloader watches a language folder created later", "[reload]")
{
    TempContent temp;
    UpdateWaiter waiter;
    ContentReloader reloader(temp.RootString(), LoadContent(temp.RootString()).content, {}, waiter.WakeCallback(),
                             FastOptions());
    fs::create_directories(temp.Root() / "es/pages");
    REQUIRE(waiter.Next(reloader, 3000));   // the new folders are a change too

    WriteFile(temp.Root() / "es/pages/aftercare.md", PageText("Cuidados posteriores"));
    const auto update = waiter.Until(reloader, 3000, [](const ContentUpdate& u) {
        return Title(*u.content, "es", "aftercare") == "Cuidados posteriores";
    });
    REQUIRE(update);
    CHECK(update->content->config.languages == std::vector<std::string>{"en", "es"});
}

TEST_CASE("ContentReloader keeps a broken page and applies the good edit beside it", "[reload]")
{
    TempContent temp;
    UpdateWaiter waiter;
    ContentReloader reloader(temp.RootString(), LoadContent(temp.RootString()).content, {}, waiter.WakeCallback(),
                             FastOptions());
    WriteFile(temp.Root() / "en/pages/aftercare.md", "---\ntitle: Aftercare\n");   // front matter never closed
    WriteFile(temp.Root() / "en/pages/risks.md", PageText("Risks, reviewed"));
    const auto update = waiter.Until(reloader, 3000, [](const ContentUpdate& u) {
        return Title(*u.content, "en", "risks") == "Risks, reviewed";
    });
    REQUIRE(update);
    CHECK(Title(*update->content, "en", "aftercare") == "Aftercare");
    CHECK(HasDiagnostic(update->diagnostics, Severity::Error, "en/pages/aftercare.md", "closing"));
    CHECK(HasDiagnostic(update->diagnostics, Severity::Warning, "en/pages/aftercare.md", "last good version"));

    // Still broken on the next reload: the kept version carries over.
    WriteFile(temp.Root() / "en/pages/risks.md", PageText("Risks, reviewed twice"));
    const auto again = waiter.Until(reloader, 3000, [](const ContentUpdate& u) {
        return Title(*u.content, "en", "risks") == "Risks, reviewed twice";
    });
    REQUIRE(again);
    CHECK(Title(*again->content, "en", "aftercare") == "Aftercare");

    WriteFile(temp.Root() / "en/pages/aftercare.md", PageText("Aftercare, fixed"));
    const auto fixed = waiter.Until(reloader, 3000, [](const ContentUpdate& u) {
        return Title(*u.content, "en", "aftercare") == "Aftercare, fixed";
    });
    REQUIRE(fixed);
    CHECK_FALSE(HasDiagnostic(fixed->diagnostics, Severity::Warning, "", "last good version"));
}

TEST_CASE("ContentReloader keeps the content while the folder is gone and recovers", "[reload]")
{
    TempContent temp;
    UpdateWaiter waiter;
    ContentReloader reloader(temp.RootString(), LoadContent(temp.RootString()).content, {}, waiter.WakeCallback(),
                             FastOptions());
    SECTION("deleted, then written again")
    {
        fs::remove_all(temp.Root());
        const auto gone = waiter.Until(reloader, 3000, [](const ContentUpdate& u) { return u.kept_previous; });
        REQUIRE(gone);
        CHECK(Title(*gone->content, "en", "aftercare") == "Aftercare");
        CHECK(gone->diagnostics.ErrorCount() >= 1);

        TempContent::WriteDefault(temp.Root());
        WriteFile(temp.Root() / "en/pages/aftercare.md", PageText("Aftercare, restored"));
        const auto back = waiter.Until(reloader, 4000, [](const ContentUpdate& u) {
            return Title(*u.content, "en", "aftercare") == "Aftercare, restored";
        });
        REQUIRE(back);
        CHECK_FALSE(back->kept_previous);

        // The new folder is watched again.
        WriteFile(temp.Root() / "en/pages/risks.md", PageText("Risks, after the restore"));
        CHECK(waiter.Until(reloader, 3000, [](const ContentUpdate& u) {
            return Title(*u.content, "en", "risks") == "Risks, after the restore";
        }));
    }
    SECTION("replaced by another folder with mv")
    {
        const fs::path staged = temp.Base() / "content-new";
        TempContent::WriteDefault(staged);
        WriteFile(staged / "en/pages/aftercare.md", PageText("Aftercare, new release"));
        fs::rename(temp.Root(), temp.Base() / "content-old");
        fs::rename(staged, temp.Root());
        const auto update = waiter.Until(reloader, 3000, [](const ContentUpdate& u) {
            return Title(*u.content, "en", "aftercare") == "Aftercare, new release";
        });
        REQUIRE(update);
        // Edits go to the new folder's watches, not the old one's.
        WriteFile(temp.Base() / "content-old/en/pages/risks.md", PageText("Old folder"));
        WriteFile(temp.Root() / "en/pages/risks.md", PageText("Risks, new release"));
        const auto next = waiter.Until(reloader, 3000, [](const ContentUpdate& u) {
            return Title(*u.content, "en", "risks") != "Risks";
        });
        REQUIRE(next);
        CHECK(Title(*next->content, "en", "risks") == "Risks, new release");
    }
}

TEST_CASE("ContentReloader picks up a file saved as temp file + rename", "[reload]")
{
    TempContent temp;
    UpdateWaiter waiter;
    ContentReloader reloader(temp.RootString(), LoadContent(temp.RootString()).content, {}, waiter.WakeCallback(),
                             FastOptions());
    WriteFile(temp.Root() / "en/pages/.aftercare.md.swp", PageText("Aftercare, renamed over"));
    fs::rename(temp.Root() / "en/pages/.aftercare.md.swp", temp.Root() / "en/pages/aftercare.md");
    const auto update = waiter.Until(reloader, 3000, [](const ContentUpdate& u) {
        return Title(*u.content, "en", "aftercare") == "Aftercare, renamed over";
    });
    REQUIRE(update);
}

TEST_CASE("ContentReloader::ReloadNow reloads without a change and runs the post-load hook", "[reload]")
{
    TempContent temp;
    UpdateWaiter waiter;
    std::atomic<int> hook_calls{0};
    auto hook = [&](const Content& content, Diagnostics* diag) -> std::shared_ptr<void> {
        hook_calls++;
        diag->Warning("hook", 0, 0, "hook ran");
        return std::make_shared<std::string>(content.config.clinic_name);
    };
    ReloadOptions options = FastOptions();
    options.quiet_ms = 5000;   // only ReloadNow can be fast enough
    options.max_delay_ms = 10000;
    ContentReloader reloader(temp.RootString(), LoadContent(temp.RootString()).content, hook, waiter.WakeCallback(),
                             options);
    CHECK_FALSE(reloader.TakeUpdate());

    const auto asked = Clock::now();
    reloader.ReloadNow();
    const auto update = waiter.Next(reloader, 2000);
    REQUIRE(update);
    CHECK(std::chrono::duration_cast<milliseconds>(Clock::now() - asked).count() < 1000);
    CHECK(update->generation == 1);
    CHECK(hook_calls == 1);
    REQUIRE(update->extra);
    CHECK(*std::static_pointer_cast<std::string>(update->extra) == "Test clinic");
    CHECK(HasDiagnostic(update->diagnostics, Severity::Warning, "hook", "hook ran"));

    reloader.ReloadNow();
    const auto second = waiter.Next(reloader, 2000);
    REQUIRE(second);
    CHECK(second->generation == 2);
}

TEST_CASE("ContentReloader with no content loads at once, and a throwing hook is a diagnostic", "[reload]")
{
    TempContent temp;
    UpdateWaiter waiter;
    auto hook = [](const Content&, Diagnostics*) -> std::shared_ptr<void> { throw std::runtime_error("index broke"); };
    ContentReloader reloader(temp.RootString(), nullptr, hook, waiter.WakeCallback(), FastOptions());
    const auto update = waiter.Next(reloader, 3000);
    REQUIRE(update);
    CHECK(Title(*update->content, "en", "aftercare") == "Aftercare");
    CHECK(HasDiagnostic(update->diagnostics, Severity::Error, "content", "index broke"));
    CHECK_FALSE(update->extra);
}

TEST_CASE("ContentReloader's destructor waits for a reload in progress", "[reload]")
{
    TempContent temp;
    std::atomic<bool> started{false};
    std::atomic<bool> finished{false};
    auto slow_hook = [&](const Content&, Diagnostics*) -> std::shared_ptr<void> {
        started = true;
        std::this_thread::sleep_for(milliseconds(300));
        finished = true;
        return nullptr;
    };
    auto reloader = std::make_unique<ContentReloader>(temp.RootString(), nullptr, slow_hook, [] {}, FastOptions());
    const auto deadline = Clock::now() + milliseconds(3000);
    while (!started && Clock::now() < deadline)
        std::this_thread::sleep_for(milliseconds(5));
    REQUIRE(started);
    CHECK(reloader->Busy());
    const auto before = Clock::now();
    reloader.reset();
    CHECK(finished);   // joined, not detached
    CHECK(std::chrono::duration_cast<milliseconds>(Clock::now() - before).count() < 2000);
}
