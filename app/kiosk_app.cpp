// KioskApp: the frame loop. See kiosk_app.h.
#include "kiosk_app.h"
#include "core/guard.h"

#include "ui/font_coverage.h"
#include "ui/keyboard.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sys/stat.h>

namespace ck {

namespace {

constexpr int kSettleFrames = 3;          // frames drawn after the last event
constexpr double kMaxSleepSeconds = 30.0; // wake now and then even when idle

SessionSettings SettingsFor(const Content& content)
{
    SessionSettings settings;
    settings.default_language = content.config.default_language;
    settings.idle_timeout = content.config.idle_timeout_seconds;
    settings.text_size_steps = ui::TextSizeSteps();
    settings.default_text_size = ui::DefaultTextSizeStep();
    return settings;
}

std::string RouteKey(const Session& session)
{
    const Route& route = session.Current();
    std::string key = ScreenName(route.screen);
    if (route.screen == Screen::Page)
        key += ":" + route.id;
    return key + "#" + std::to_string(session.ResetCount());
}

} // namespace

static bool ContentFolderExists(const std::string& dir)
{
    struct stat info;
    if (stat(dir.c_str(), &info) == 0 && S_ISDIR(info.st_mode))
        return true;
    std::fprintf(stderr, "carekiosk: content folder '%s' not found (use --content DIR)\n", dir.c_str());
    return false;
}

std::shared_ptr<const Content> LoadKioskContent(const std::string& dir, Diagnostics* diagnostics)
{
    if (!ContentFolderExists(dir))
        return nullptr;
    LoadResult loaded = LoadContent(dir);
    for (const Diagnostic& d : loaded.diagnostics.Items())
        std::fprintf(stderr, "%s\n", FormatDiagnostic(d).c_str());
    if (diagnostics)
        diagnostics->Append(loaded.diagnostics);
    if (loaded.content->IsEmpty())
        std::fprintf(stderr,
                     "carekiosk: '%s' has no pages to show; patients see \"Information is being updated\".\n"
                     "carekiosk: add kiosk.json and <language>/pages/*.md (see CONTENT.md), then run "
                     "'carekiosk check --content %s'.\n",
                     dir.c_str(), dir.c_str());
    return loaded.content;
}

void ImFontAtlasDeleter::operator()(ImFontAtlas* atlas) const
{
    IM_DELETE(atlas);
}

// Builds a new atlas for out->step, out->short_side and out->glyph_text
// with the fonts at out->paths; needs no ImGui context.
static void BuildAtlas(PreparedFonts* out)
{
    out->atlas.reset(IM_NEW(ImFontAtlas)());
    const ui::FontSizes sizes = ui::FontSizesFor(out->step, float(out->short_side));
    out->fonts.BuildInto(out->atlas.get(), out->paths, sizes, out->glyph_text, &out->error);
}

// The atlas for the first frame, built without an ImGui context: the main
// thread creates the context only after get()ting this worker's result.
static void PrepareFonts(const Content& content, int short_side, PreparedFonts* out)
{
    if (!ui::FontPaths::Find(&out->paths, &out->error))
        return;
    out->glyph_text = ui::ContentGlyphs(content);
    out->step = ui::DefaultTextSizeStep();
    out->short_side = short_side;
    BuildAtlas(out);
}

static LoadedKioskContent LoadKioskContentNow(const std::string& dir, std::shared_future<int> short_side);

std::future<LoadedKioskContent> LoadKioskContentAsync(const std::string& dir, std::shared_future<int> short_side)
{
    if (!ContentFolderExists(dir))
        return {};
    return std::async(std::launch::async, [dir, short_side] {
        return Guarded("loading the content", "the screen says the information is being updated",
                       [&] { return LoadKioskContentNow(dir, short_side); }, LoadedKioskContent());
    });
}

static LoadedKioskContent LoadKioskContentNow(const std::string& dir, std::shared_future<int> short_side)
{
    {
        LoadedKioskContent loaded;
        loaded.content = LoadKioskContent(dir, &loaded.diagnostics);
        const int side = short_side.valid() ? short_side.get() : 0;
        if (loaded.content && side > 0) {
            PrepareFonts(*loaded.content, side, &loaded.fonts);
        } else {
            // fontconfig parses its XML configuration on first use (~25 M
            // instructions); an empty plan does just that, off the main thread.
            ui::FontPaths paths;
            if (ui::FontPaths::Find(&paths, nullptr))
                ui::PlanFallbacks(paths.regular, {});
        }
        return loaded;
    }
}

KioskApp::KioskApp(Platform& platform, std::shared_ptr<const Content> content)
    : platform_(platform), content_(std::move(content)), session_(SettingsFor(*content_), platform.Now())
{
}

bool KioskApp::Init(std::string* error, PreparedFonts prepared)
{
    textures_.on_decoded = [] { glfwPostEmptyEvent(); };   // wake the loop to upload the picture
    search_.on_opened = [] { glfwPostEmptyEvent(); };      // and to show results the new index finds
    if (prepared.step >= 0) {
        if (!prepared.error.empty())
            std::fprintf(stderr, "carekiosk: %s\n", prepared.error.c_str());
        font_paths_ = std::move(prepared.paths);
        glyph_text_ = std::move(prepared.glyph_text);
        fonts_ = std::move(prepared.fonts);
        fonts_.UseAsDefault();
        platform_.ReloadFontTexture();
        font_step_ = prepared.step;
        font_short_side_ = prepared.short_side;
        fonts_stale_ = false;
    } else {
        if (!prepared.error.empty() || !ui::FontPaths::Find(&font_paths_, error)) {
            if (!prepared.error.empty())
                *error = prepared.error;
            return false;
        }
        glyph_text_ = ui::ContentGlyphs(*content_);
    }
    RebuildFontsIfNeeded();   // nothing to do when the prepared atlas fits the window
    route_key_ = RouteKey(session_);
    settle_frames_ = kSettleFrames;
    StartSpeech();
    return true;
}

void KioskApp::SetContent(std::shared_ptr<const Content> content, std::string glyphs)
{
    content_ = std::move(content);
    session_.SetSettings(SettingsFor(*content_));
    textures_.KeepFor(*content_);   // unchanged pictures stay uploaded
    views_.Clear();
    StopReading();   // the text being read may have changed
    // Rebuilding the atlas costs a visible pause: only when characters came
    // that it lacks (one dropped from the content may stay in it meanwhile).
    if (!ui::GlyphsCovered(glyph_text_, glyphs))
        fonts_stale_ = true;
    glyph_text_ = std::move(glyphs);
    settle_frames_ = kSettleFrames;
}

void KioskApp::Apply(const Intent& intent)
{
    session_.Apply(intent, platform_.Now());
    if (intent.kind == IntentKind::ReadAloud)
        ToggleReading(intent.text);
    FollowRouteChange();
    settle_frames_ = kSettleFrames;
}

// The atlas must fit the text size, the window and the content's characters.
// Building one rasterises every glyph at eleven sizes (~50 ms, more with CJK
// fallbacks), so the kiosk builds it on a worker and keeps drawing with the
// current one until it is ready; the loop wakes when it is. Outside Run()
// (Init, the screenshot command) and for a frame a script saves as a
// screenshot, the atlas is waited for instead.
void KioskApp::RebuildFontsIfNeeded()
{
    const int short_side = std::min(platform_.Width(), platform_.Height());
    const int step = session_.TextSize();
    const bool wait = !async_fonts_ || !capture_path_.empty();
    if (font_job_.valid()) {
        if (!wait && font_job_.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
            return;
        PreparedFonts built = font_job_.get();
        if (built.step == step && built.short_side == short_side && built.glyph_text == glyph_text_) {
            InstallFonts(std::move(built));
            return;
        }
        // Built for a size or text no longer wanted (two taps on A+): dropped.
    }
    if (!fonts_stale_ && font_step_ == step && font_short_side_ == short_side)
        return;
    PreparedFonts job;
    job.paths = font_paths_;
    job.glyph_text = glyph_text_;
    job.step = step;
    job.short_side = short_side;
    font_job_ = std::async(std::launch::async, [job = std::move(job)]() mutable {
        try {
            BuildAtlas(&job);
        } catch (...) {
            ReportEscaped("building the font atlas", "the current text size stays");
            job.atlas.reset();
        }
        glfwPostEmptyEvent();
        return std::move(job);
    });
    if (wait)
        InstallFonts(font_job_.get());
}

void KioskApp::InstallFonts(PreparedFonts built)
{
    if (!built.error.empty())
        std::fprintf(stderr, "carekiosk: %s\n", built.error.c_str());
    if (!built.atlas) {
        // Not built (reported): keep the atlas on screen, and do not ask
        // for this size again until something else changes.
        font_step_ = built.step;
        font_short_side_ = built.short_side;
        fonts_stale_ = false;
        return;
    }
    platform_.ReplaceFontAtlas(built.atlas.release());
    fonts_ = std::move(built.fonts);
    fonts_.UseAsDefault();
    font_step_ = built.step;
    font_short_side_ = built.short_side;
    fonts_stale_ = false;
    settle_frames_ = kSettleFrames;
}

// A different screen: forget the gesture and restore that screen's scroll.
void KioskApp::FollowRouteChange()
{
    const std::string key = RouteKey(session_);
    if (key == route_key_)
        return;
    route_key_ = key;
    pointer_.Cancel();
    pointer_.ResetScroll(session_.Current().scroll_y);
    if (session_.Current().screen == Screen::Home)
        search_.Forget();   // Home ends the patient's search: its results leave memory too
}

bool KioskApp::InputThisFrame() const
{
    const ImGuiIO& io = ImGui::GetIO();
    if (io.MouseWheel != 0.0f || !io.InputQueueCharacters.empty())
        return true;
    for (int key = 0; key < IM_ARRAYSIZE(io.KeysDown); key++)
        if (ImGui::IsKeyPressed(key, false))
            return true;
    return false;
}

void KioskApp::SetScript(InputScript script)
{
    script_ = std::make_unique<InputScriptPlayer>(std::move(script));
}

void KioskApp::SetProbes(std::unique_ptr<StatusFile> status, std::unique_ptr<FrameStats> stats)
{
    status_file_ = std::move(status);
    frame_stats_ = std::move(stats);
}

void KioskApp::RunScriptSteps(double now)
{
    const std::vector<ScriptStep> steps = script_->Poll(now);
    if (!steps.empty())
        settle_frames_ = kSettleFrames;
    for (const ScriptStep& step : steps) {
        switch (step.kind) {
        case ScriptStep::Kind::Pointer:
            script_pointer_.push_back(step.pointer);
            break;
        case ScriptStep::Kind::Text:
            // The intents the on-screen keyboard gives, one key at a time.
            for (const Intent& intent : ui::TypeIntents(step.text))
                session_.Apply(intent, now);
            break;
        case ScriptStep::Kind::Key:
            if (step.key == ScriptKey::Backspace)
                session_.Apply(Intent{IntentKind::SearchBackspace, std::string(), 0}, now);
            else
                session_.NoteInput(now);   // Enter and Escape do nothing on a kiosk
            break;
        case ScriptStep::Kind::Advance:
            clock_offset_ += step.seconds;
            break;
        case ScriptStep::Kind::Screenshot:
            capture_path_ = step.text;
            break;
        case ScriptStep::Kind::Expect:
            session_.Tick(now);   // right after an `advance`, the idle timers must have run
            if (!Holds(step.text)) {
                std::fprintf(stderr, "%s:%d: expected %s, the kiosk shows %s\n", script_->File().c_str(), step.line,
                             step.text.c_str(), SessionScreenName(session_).c_str());
                script_failures_++;
            }
            break;
        case ScriptStep::Kind::WaitFor:
            session_.Tick(now);
            if (Holds(step.text))
                break;
            if (now < step.seconds) {
                script_->Hold(step, now);
                break;
            }
            std::fprintf(stderr, "%s:%d: waited %.0f s for %s; the kiosk shows %s\n", script_->File().c_str(),
                         step.line, kWaitForSeconds, step.text.c_str(), SessionScreenName(session_).c_str());
            script_failures_++;
            break;
        case ScriptStep::Kind::Quit:
            quit_ = true;
            break;
        }
    }
}

void KioskApp::SaveScreenshot()
{
    std::vector<unsigned char> rgba;
    if (!platform_.ReadPixels(&rgba) || !WritePng(capture_path_, platform_.Width(), platform_.Height(), rgba)) {
        std::fprintf(stderr, "carekiosk: cannot write %s\n", capture_path_.c_str());
        script_failures_++;
    }
    capture_path_.clear();
}

// The query runs here, between input and drawing, and only when it changed:
// a Xapian lookup reads the index, which the screens never do.
void KioskApp::UpdateSearch()
{
    if (session_.Current().screen != Screen::Search)
        return;
    if (search_.Update(session_.Language(), session_.Query())) {
        pointer_.ResetScroll(0.0f);   // new results start at the top
        session_.Current().scroll_y = 0.0f;
        settle_frames_ = kSettleFrames;
    }
}

// Counts what this frame shows (core/insights.h): a settled search, a reset.
// Only map updates here; the recorder writes on its own thread.
void KioskApp::CountInsights(double now)
{
    if (!session_insights_)
        return;
    SearchOutcome outcome;   // only the search screen has results to judge
    const ui::SearchView& view = search_.View();
    if (session_.Current().screen == Screen::Search && view.ready) {
        outcome.known = true;
        outcome.lang = view.lang;
        outcome.query = view.query;
        outcome.no_answer = view.results.no_answer || view.results.hits.empty();
    }
    session_insights_->NoteFrame(session_, outcome, now);
}

// After an idle reset nothing of the previous patient's searches may stay:
// the Session cleared the query; the cached results go too. The day's
// counts are written now, between patients, and the memory that patient's
// pages used (pictures uploaded, freed heap) goes back, so the kiosk starts
// every patient from the same footprint.
void KioskApp::ForgetPreviousPatient()
{
    if (session_.ResetCount() == seen_reset_count_)
        return;
    seen_reset_count_ = session_.ResetCount();
    search_.Forget();
    if (insights_)
        insights_->RequestFlush();
    textures_.Clear();
    trim_when_settled_ = true;
}

void KioskApp::DrawFrame()
{
    if (frame_stats_)
        frame_stats_->BeginFrame();
    const double now = Now();
    const bool capture = !capture_path_.empty();
    TakeReload();
    // The frame being captured shows the state the script asked for; while
    // a font atlas is being built the script waits, as a patient would for
    // larger text, so its next tap lands on the layout it was written for.
    if (script_ && !capture && !font_job_.valid())
        RunScriptSteps(now);
    session_.Tick(now);
    FollowRouteChange();
    RebuildFontsIfNeeded();

    platform_.BeginFrame();
    // Real touches and scripted ones take the same path; both on the app clock.
    std::vector<PointerEvent> events = platform_.TakePointerEvents();
    for (PointerEvent& event : events)
        event.t += clock_offset_;
    events.insert(events.end(), script_pointer_.begin(), script_pointer_.end());
    script_pointer_.clear();
    pointer_.Update(events, ImGui::GetIO().MouseWheel, platform_.Dpi(), now);
    // A touch that wakes the attract screen or ends the idle warning does only
    // that: it must not also act on the screen that appears beneath it.
    const bool was_warning = session_.Idle() == IdleState::Warning;
    if ((!events.empty() || InputThisFrame()) && (session_.NoteInput(now) || was_warning))
        pointer_.Cancel();
    if (FeedStaffGesture(events, now))
        pointer_.Cancel();   // the touch was part of the hidden staff gesture
    session_.Current().scroll_y = pointer_.ScrollOffset();
    UpdateSearch();
    CountInsights(now);
    ForgetPreviousPatient();

    const ui::Theme& theme = session_.HighContrast() ? ui::HighContrastTheme() : ui::DefaultTheme();
    ui::ApplyImGuiStyle(theme);
    ui::ScreenEnv env;
    env.content = content_.get();
    env.session = &session_;
    env.theme = &theme;
    env.fonts = &fonts_;
    env.textures = &textures_;
    const ui::PointerState no_touch;
    env.pointer = StaffOpen() ? &no_touch : &pointer_.State();   // the staff overlay covers the screen
    env.width = ImGui::GetIO().DisplaySize.x;
    env.height = ImGui::GetIO().DisplaySize.y;
    env.dpi = platform_.Dpi();
    env.now = now;
    env.search = &search_.View();
    FollowReading();
    env.reading = reading_;
    env.reading_block = ReadingBlock();
    const std::vector<Intent> intents = ui::DrawScreen(env, views_, &report_);

    pointer_.SetScrollLimit(views_.max_scroll);
    if (views_.scroll_to >= 0.0f)
        pointer_.ScrollTo(views_.scroll_to);
    RestoreReadingPlace();
    session_.Current().scroll_y = pointer_.ScrollOffset();
    DrawStaff(theme, now);
    if (frame_stats_)
        frame_stats_->EndBuild();
    platform_.RenderFrame(theme.background.r, theme.background.g, theme.background.b);
    if (frame_stats_)
        frame_stats_->EndSubmit();
    if (capture) {
        if (textures_.Decoding())
            textures_.WaitForDecodes();   // capture the next frame, with the pictures in it
        else
            SaveScreenshot();
    }
    platform_.Present();
    if (frame_stats_)
        frame_stats_->EndFrame(SessionScreenName(session_), session_.Current().scroll_y);

    for (const Intent& intent : intents) {
        // Read-aloud toggles: only a start counts (the screen drew "Stop" for env.reading).
        if (session_insights_ && intent.kind == IntentKind::ReadAloud && intent.text != env.reading)
            session_insights_->NoteReadAloud(session_.Language(), intent.text);
        session_.Apply(intent, now);
        if (intent.kind == IntentKind::ReadAloud)
            ToggleReading(intent.text);
        if (session_insights_)
            session_insights_->NoteIntent(intent, session_);
    }
    FollowRouteChange();
    FollowReading();
    if (!intents.empty() || views_.scroll_to >= 0.0f)
        settle_frames_ = kSettleFrames;
    if (status_file_)
        status_file_->Update(StatusText(session_) + ReadingStatus());
}

KioskApp::Shown KioskApp::WhatIsShown() const
{
    Shown shown;
    const Route& route = session_.Current();
    shown.screen = report_.screen == "updating" ? report_.screen : SessionScreenName(session_);
    shown.language = session_.Language();
    shown.text_size = session_.TextSize();
    shown.contrast = session_.HighContrast();
    shown.scroll = std::lround(route.scroll_y);
    shown.open_faq = route.screen == Screen::Faq ? route.id : std::string();
    if (route.screen == Screen::Search) {
        shown.query = session_.Query();
        const ui::SearchView& view = search_.View();
        if (view.ready && view.query == session_.Query() && view.lang == session_.Language()) {
            for (const SearchHit& hit : view.results.hits)
                shown.results.push_back(hit.id);
            for (const SearchHit& hit : view.results.related)
                shown.related.push_back(hit.id);
        }
    }
    return shown;
}

// An `expect` or `waitfor` condition: the session's, or the search results'
// ("search-ready", "result ID": the first question or page shown).
bool KioskApp::Holds(const std::string& condition) const
{
    const ui::SearchView& view = search_.View();
    const bool ready = view.ready && view.query == session_.Query() && view.lang == session_.Language();
    if (condition == "search-ready")
        return ready;
    if (condition.rfind("result ", 0) == 0) {
        const SearchResults& results = view.results;
        const std::vector<SearchHit>& shown = results.hits.empty() ? results.related : results.hits;
        return ready && !shown.empty() && shown.front().id == condition.substr(7);
    }
    return ExpectationHolds(condition, session_);
}

// A frame threw: close the ImGui frame it left open and start a new
// patient's session on the home screen, as an idle reset does.
void KioskApp::RecoverFromFrameError()
{
    ui::EndFrameAfterError();
    session_.Reset(Now());
    settle_frames_ = kSettleFrames;
}

int KioskApp::Run()
{
    async_fonts_ = true;   // frames drawn one by one (screenshots) wait for their atlas
    while (!platform_.ShouldClose() && !quit_) {
        const bool busy = settle_frames_ > 0 || pointer_.Animating() || !capture_path_.empty();
        bool events = false;
        if (busy) {
            events = platform_.PollEvents();
        } else {
            const double now = Now();
            double wait = session_.SecondsUntilNextEvent(now);
            if (script_ && !script_->Finished())
                wait = std::min(wait, script_->SecondsUntilNext(now));
            if (StaffOpen())
                wait = std::min(wait, 0.5);   // the lockout countdown and reload state change on their own
            if (trim_when_settled_ && !font_job_.valid()) {
                // What start-up or the last patient left (file text, parse
                // trees, page layouts, a larger text size's font atlas,
                // pictures) is freed by now, in several threads' malloc
                // arenas; give those pages back before the kiosk waits.
                // Not earlier: the frames after a reset still free the old
                // screen's layouts and the driver its textures, the default
                // size's atlas may still be on its way, and pages freed
                // after a trim stay resident until the next one.
                disposer_.Dispose(nullptr);
                trim_when_settled_ = false;
            }
            events = platform_.WaitEvents(std::clamp(wait, 0.005, kMaxSleepSeconds));
        }
        if (events)
            settle_frames_ = kSettleFrames;
        try {
            DrawFrame();
        } catch (...) {
            ReportEscaped("drawing a frame", "the kiosk goes back to the home screen");
            RecoverFromFrameError();
        }
        settle_frames_ = std::max(0, settle_frames_ - 1);
    }
    return script_failures_ > 0 ? 1 : 0;
}

} // namespace ck
