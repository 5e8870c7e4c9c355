// The whole kiosk layer (app/kiosk) driven through a fake platform: no
// window, no GL, a clock the test moves. A tap opens a tile, a reload that
// removes the page being read goes Home (and the reload worker woke the
// loop), an idle reset leaves nothing of the patient's search behind, and a
// picture shown full screen takes the drags the page would have scrolled by.
#include "../missing_input.h"
#include "kiosk_app.h"
#include "text/fonts.h"
#include "widgets/keyboard.h"

#include <catch2/catch.hpp>
#include <imgui.h>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

class FakePlatform final : public ck::KioskPlatform {
public:
    FakePlatform(int width, int height) : width_(width), height_(height)
    {
        atlas_ = IM_NEW(ImFontAtlas)();
        ImGui::CreateContext(atlas_);
        ImGui::GetIO().IniFilename = nullptr;
    }
    ~FakePlatform() override
    {
        ImGui::DestroyContext();
        IM_DELETE(atlas_);
    }

    bool ShouldClose() const override { return false; }
    bool WaitEvents(double) override { return false; }
    bool PollEvents() override { return false; }
    void Wake() override { wakes++; }
    std::vector<ck::PointerEvent> TakePointerEvents() override
    {
        std::vector<ck::PointerEvent> events;
        events.swap(queued_);
        return events;
    }
    void BeginFrame() override
    {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(float(width_), float(height_));
        io.DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
    }
    void RenderFrame(float, float, float, bool) override { ImGui::Render(); }
    void Present() override {}
    void ReloadFontTexture() override
    {
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
        ImGui::GetIO().Fonts->SetTexID(reinterpret_cast<ImTextureID>(intptr_t(1)));
    }
    void ReplaceFontAtlas(ImFontAtlas* atlas) override
    {
        ImGui::GetIO().Fonts = atlas;
        IM_DELETE(atlas_);
        atlas_ = atlas;
        ReloadFontTexture();
    }
    int Width() const override { return width_; }
    int Height() const override { return height_; }
    float Dpi() const override { return 96.0f; }
    double Now() const override { return now; }
    bool ReadPixels(std::vector<unsigned char>*) const override { return false; }

    // A finger down at (x, y) and up 80 ms later, at the present time.
    void Tap(float x, float y)
    {
        queued_.push_back({ck::PointerEventKind::Press, x, y, now});
        queued_.push_back({ck::PointerEventKind::Release, x, y, now + 0.08});
    }

    // A finger down at (x0, y0), moved in 10 steps to (x1, y1) and lifted, over 200 ms.
    void Drag(float x0, float y0, float x1, float y1)
    {
        queued_.push_back({ck::PointerEventKind::Press, x0, y0, now});
        for (int i = 1; i <= 10; i++)
            queued_.push_back({ck::PointerEventKind::Move, x0 + (x1 - x0) * i / 10, y0 + (y1 - y0) * i / 10, now + 0.02 * i});
        queued_.push_back({ck::PointerEventKind::Release, x1, y1, now + 0.2});
    }

    double now = 1000.0;
    std::atomic<int> wakes{0};

private:
    int width_, height_;
    ImFontAtlas* atlas_ = nullptr;
    std::vector<ck::PointerEvent> queued_;
};

// Draws `frames` frames, 1/60 s apart on the fake clock.
void Frames(ck::KioskApp& app, FakePlatform& platform, int frames)
{
    for (int i = 0; i < frames; i++) {
        platform.now += 1.0 / 60.0;
        app.DrawFrame();
    }
}

fs::path ScratchCopyOfContent()
{
    char pattern[] = "/tmp/carekiosk-kiosk-test-XXXXXX";
    REQUIRE(mkdtemp(pattern) != nullptr);
    const fs::path dir = fs::path(pattern) / "content";
    std::error_code error;
    fs::copy(fs::path(CAREKIOSK_SOURCE_DIR) / "content", dir, fs::copy_options::recursive, error);
    REQUIRE_FALSE(error);
    return dir;
}

} // namespace

TEST_CASE("A kiosk on a fake platform: a tap, a reload and an idle reset", "[kiosk]")
{
    ck::ui::FontPaths paths;
    std::string why;
    CAREKIOSK_REQUIRE_INPUT(ck::ui::FontPaths::Find(&paths, &why), "Noto Sans fonts not available (" + why + ")");

    const fs::path dir = ScratchCopyOfContent();
    FakePlatform platform(1080, 1920);
    std::shared_ptr<const ck::Content> content = ck::LoadKioskContent(dir.string());
    REQUIRE(content);
    ck::KioskApp app(platform, content);
    std::string error;
    REQUIRE(app.Init(&error));
    ck::SearchOptions search;
    search.cache_dir = (dir.parent_path() / "cache").string();
    app.StartSearchIndex(search);
    app.StartLiveReload(dir.string(), search, {});
    Frames(app, platform, 4);
    REQUIRE(app.WhatIsShown().screen == "home");

    SECTION("a tap on the first tile opens its page; removing that page takes the patient Home")
    {
        platform.Tap(540, 450);   // the first tile at this size (tests/e2e/touch.script)
        Frames(app, platform, 6);
        REQUIRE(app.WhatIsShown().screen == "page:benefits");

        const int wakes_before = platform.wakes.load();
        fs::remove(dir / "en" / "pages" / "benefits.md");
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (app.WhatIsShown().screen != "home" && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            Frames(app, platform, 1);
        }
        CHECK(app.WhatIsShown().screen == "home");
        CHECK(platform.wakes.load() > wakes_before);   // the reload worker woke the loop
    }

    SECTION("an idle reset clears the patient's search and returns to the start")
    {
        app.Apply(ck::Intent{ck::IntentKind::OpenSearch, std::string(), 0});
        for (const ck::Intent& key : ck::ui::TypeIntents("sun"))
            app.Apply(key);
        app.WaitForSearchIndex();
        Frames(app, platform, 4);
        REQUIRE(app.WhatIsShown().screen == "search");
        REQUIRE(app.WhatIsShown().query == "sun");
        REQUIRE_FALSE(app.WhatIsShown().results.empty());

        const int resets = app.GetSession().ResetCount();
        platform.now += content->config.idle_timeout_seconds + 120.0;   // past the warning too
        Frames(app, platform, 4);
        CHECK(app.GetSession().ResetCount() == resets + 1);
        CHECK(app.WhatIsShown().screen == "home");
        CHECK(app.GetSession().Query().empty());
        app.Apply(ck::Intent{ck::IntentKind::OpenSearch, std::string(), 0});
        Frames(app, platform, 2);
        CHECK(app.WhatIsShown().query.empty());
        CHECK(app.WhatIsShown().results.empty());
    }
    SECTION("a picture: a drag on it scrolls, a tap shows it full screen, drags pan it, Back closes it")
    {
        app.Apply(ck::Intent{ck::IntentKind::OpenPage, "risks", 0});
        Frames(app, platform, 4);
        auto picture = [&](ck::ui::ScreenReport::Labelled* found) {
            for (const ck::ui::ScreenReport::Labelled& b : app.LastReport().buttons)
                if (b.label.rfind("A cross-section of the skin", 0) == 0) {
                    *found = b;
                    return true;
                }
            return false;
        };
        ck::ui::ScreenReport::Labelled shown;
        REQUIRE(picture(&shown));
        const float x = (shown.x0 + shown.x1) * 0.5f, y = (shown.y0 + shown.y1) * 0.5f;
        platform.Drag(x, y, x, y - 200);
        Frames(app, platform, 4);
        CHECK(app.GetSession().ShownPicture().empty());   // a drag is never a tap
        const float scrolled = app.GetSession().Current().scroll_y;
        CHECK(scrolled > 100.0f);

        REQUIRE(picture(&shown));
        platform.Tap((shown.x0 + shown.x1) * 0.5f, (shown.y0 + shown.y1) * 0.5f);
        Frames(app, platform, 4);
        REQUIRE(app.GetSession().ShownPicture() == "en/pages/needle-depth.png");
        const ck::ui::ScreenReport& report = app.LastReport();
        CHECK(report.picture_rect[2] - report.picture_rect[0] >= shown.x1 - shown.x0);   // at least as large as on the page

        platform.Drag(540, 900, 540, 400);
        Frames(app, platform, 4);
        CHECK(app.GetSession().Current().scroll_y == scrolled);   // the page under it keeps its place
        app.Apply(ck::Intent{ck::IntentKind::Back, std::string(), 0});
        Frames(app, platform, 2);
        CHECK(app.GetSession().ShownPicture().empty());
        CHECK(app.WhatIsShown().screen == "page:risks");
        CHECK(app.GetSession().Current().scroll_y == scrolled);
    }

    SECTION("with no GL to draw into, a clip fails calmly on its page; Read aloud, a language and Back turn it off")
    {
        app.Apply(ck::Intent{ck::IntentKind::OpenPage, "aftercare", 0});
        Frames(app, platform, 3);
        REQUIRE(app.Holds("video off"));
        const ck::Intent play{ck::IntentKind::Video, "en/pages/healing.mp4", 0};
        app.Apply(play);
        Frames(app, platform, 2);
        CHECK(app.Holds("video failed"));
        CHECK(app.WhatIsShown().screen == "page:aftercare");
        app.Apply(ck::Intent{ck::IntentKind::ReadAloud, "page:aftercare", 0});
        Frames(app, platform, 2);
        CHECK(app.Holds("video off"));
        app.Apply(play);
        Frames(app, platform, 2);
        CHECK(app.Holds("video failed"));
        app.Apply(ck::Intent{ck::IntentKind::SetLanguage, "es", 0});   // the Spanish page: another clip's captions
        Frames(app, platform, 2);
        CHECK(app.Holds("video off"));
        app.Apply(play);
        Frames(app, platform, 2);
        CHECK(app.Holds("video failed"));
        app.Apply(ck::Intent{ck::IntentKind::Back, std::string(), 0});
        Frames(app, platform, 2);
        CHECK(app.WhatIsShown().screen == "home");
        CHECK(app.Holds("video off"));
    }
    std::error_code ignored;
    fs::remove_all(dir.parent_path(), ignored);
}
