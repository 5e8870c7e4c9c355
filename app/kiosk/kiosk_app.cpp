// KioskApp: the frame loop. See kiosk_app.h.
#include "kiosk_app.h"

#include "base/guard.h"
#include "insights/popular_questions.h"
#include "text/fonts.h"
#include <imgui.h>
#include <algorithm>
#include <cmath>

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

bool KeyOrWheelThisFrame()
{
    const ImGuiIO& io = ImGui::GetIO();
    if (io.MouseWheel != 0.0f || !io.InputQueueCharacters.empty())
        return true;
    for (int key = 0; key < IM_ARRAYSIZE(io.KeysDown); key++)
        if (ImGui::IsKeyPressed(key, false))
            return true;
    return false;
}

} // namespace

// [SECTION] Set-up

KioskApp::KioskApp(KioskPlatform& platform, std::shared_ptr<const Content> content)
    : platform_(platform), content_(std::move(content)), session_(SettingsFor(*content_), platform.Now()),
      fonts_(platform), search_(&reload_.GetDisposer())
{
}

bool KioskApp::Init(std::string* error, PreparedFonts prepared)
{
    KioskPlatform* platform = &platform_;
    screen_.textures.on_decoded = [platform] { platform->Wake(); };   // to upload the picture
    search_.on_opened = [platform] { platform->Wake(); };             // to show what the new index finds
    if (!fonts_.Init(*content_, std::move(prepared), error))
        return false;
    fonts_.Update(session_.TextSize(), true);   // nothing to do when the prepared atlas fits the window
    screen_.route_key = RouteKey(session_);
    reading_.Start(platform_);
    video_.Start(platform_, platform_.GlProcAddress());
    video_.OnContent(*content_);
    video_.on_progress = [this](const std::string& key, int quarter) { staff_.CountVideo(session_, key, quarter); };
    staff_.Configure(platform_);
    Redraw();
    return true;
}

void KioskApp::StartLiveReload(const std::string& content_dir, const SearchOptions& options, Diagnostics startup)
{
    reload_.Start(platform_, content_dir, content_, options, std::move(startup));
}

void KioskApp::Apply(const Intent& intent)
{
    session_.Apply(intent, platform_.Now());
    ApplyMedia(intent, platform_.Now());
    FollowSession();
    Redraw();
}

void KioskApp::ScrollTo(float offset)
{
    screen_.pointer.ResetScroll(offset);
    session_.Current().scroll_y = offset;
}

bool KioskApp::WaitForImages()
{
    if (!screen_.textures.Decoding())
        return false;
    screen_.textures.WaitForDecodes();
    return true;
}

void KioskApp::Redraw()
{
    loop_.settle_frames = kSettleFrames;
}

// [SECTION] Following the session

void KioskApp::SetContent(std::shared_ptr<const Content> content, std::string glyphs)
{
    content_ = std::move(content);
    session_.SetSettings(SettingsFor(*content_));
    screen_.textures.KeepFor(*content_);   // unchanged pictures stay uploaded
    screen_.views.Clear();
    popular_.content = nullptr;   // the new content's questions
    reading_.Stop();   // the text being read may have changed
    video_.OnContent(*content_);
    fonts_.SetGlyphs(std::move(glyphs));
    Redraw();
}

// Between frames: swap in a finished reload, keeping the patient's place.
void KioskApp::TakeReload()
{
    ReloadedContent taken;
    if (!reload_.Take(session_, screen_.views, &taken))
        return;
    if (taken.content) {
        std::shared_ptr<const Content> previous = content_;
        SetContent(std::move(taken.content), std::move(taken.glyphs));
        StartSearchIndex(reload_.Options());   // the new content's index, on its own thread
        const Route& route = session_.Current();
        if (route.screen == Screen::Page && !content_->FindPage(session_.Language(), route.id)) {
            session_.Home();   // their page was removed
            reload_.ForgetPlace();
        }
        FollowSession();
        // The old content's pictures and documents are freed, and the heap
        // trimmed so weeks of reloads do not fragment it, on the disposer's
        // thread: for a 500-page folder that was tens of ms of this frame.
        reload_.GetDisposer().Dispose(std::move(previous));
    }
    staff_.Refresh(Sources());
}

// A new patient or another screen: everything that follows from it.
void KioskApp::FollowSession()
{
    if (session_.ResetCount() != loop_.seen_reset) {
        loop_.seen_reset = session_.ResetCount();
        OnSessionReset();
    }
    const std::string key = RouteKey(session_);
    if (key == screen_.route_key)
        return;
    screen_.route_key = key;
    screen_.views.Leave();
    screen_.pointer.Cancel();   // forget the gesture, restore that screen's scroll
    screen_.pointer.ResetScroll(session_.Current().scroll_y);
    if (session_.Current().screen == Screen::Home)
        search_.Forget();   // Home ends the patient's search: its results leave memory too
}

// After an idle reset nothing of the previous patient may stay: the Session
// cleared the query, the cached results go too, the voice stops, the staff
// overlay closes and the day's counts are written. The memory that
// patient's pages used (pictures uploaded, freed heap) goes back, so the
// kiosk starts every patient from the same footprint.
void KioskApp::OnSessionReset()
{
    search_.Forget();
    reading_.OnSessionReset();
    video_.Stop();
    staff_.OnSessionReset();
    screen_.textures.Clear();
    loop_.trim_when_settled = true;
}

// [SECTION] One frame

void KioskApp::DrawFrame()
{
    probes_.BeginFrame();
    const double now = Now();
    const bool capture = script_.CaptureWanted();
    TakeReload();
    // The frame being captured shows the state the script asked for; while
    // a font atlas is being built the script waits, as a patient would for
    // larger text, so its next tap lands on the layout it was written for.
    if (!capture && !fonts_.Building() && script_.Active() && script_.RunDue(now, session_, ScriptQueries()))
        Redraw();
    session_.Tick(now);
    FollowSession();
    if (fonts_.Update(session_.TextSize(), capture))
        Redraw();

    platform_.BeginFrame();
    screen_.pointer.HoldScroll(!session_.ShownPicture().empty());   // a drag pans the picture instead
    const std::vector<PointerEvent> events = ReadInput(now);
    if (staff_.FeedGesture(events, session_, Sources()))
        screen_.pointer.Cancel();   // the touch was part of the hidden staff gesture
    session_.Current().scroll_y = screen_.pointer.ScrollOffset();
    FollowSession();
    UpdateSearch();
    UpdatePopular();
    CountInsights(now);

    const ui::Theme& theme = session_.HighContrast() ? ui::HighContrastTheme() : ui::DefaultTheme();
    ui::ApplyImGuiStyle(theme);
    const std::string reading_before = reading_.Target();
    if (video_.Follow(session_, *content_, now))
        Redraw();
    if (loop_.video_was_active && !video_.Active())
        loop_.trim_when_settled = true;   // the decoder's buffers go back once the screen settles
    loop_.video_was_active = video_.Active();
    const bool new_video_frame = video_.RenderFrame(screen_.report.video_rect);   // mpv draws into its texture, outside ImGui
    const std::vector<Intent> intents = DrawPatientScreen(theme, now);
    DrawStaff(theme, now);
    probes_.EndBuild();
    if (!intents.empty() && !capture && !loop_.skipped_last) {
        // A tap that changes the screen: show the change, not this frame of
        // the finger lifting. On a software renderer a frame costs tens of
        // ms, and the patient would wait for two.
        ImGui::EndFrame();
        ApplyIntents(intents, now, reading_before);
        loop_.skipped_last = true;
        return;
    }
    loop_.skipped_last = false;
    // A new video frame changes a texture, not the draw lists: present it anyway.
    platform_.RenderFrame(theme.background.r, theme.background.g, theme.background.b, capture || new_video_frame);
    probes_.EndSubmit();
    PresentFrame(capture);
    ApplyIntents(intents, now, reading_before);
    if (probes_.WantsStatus())
        probes_.Status(StatusText(session_) + reading_.Status() + video_.Status(screen_.report.video_rect) + "dpi " + std::to_string(std::lround(platform_.Dpi())) +
                       "\ntext-size-ahead " + std::to_string(fonts_.StepAhead()) + "\n",
                   fonts_.Step(), screen_.report.pictures);
}

// Real touches and scripted ones take the same path, both on the app clock.
std::vector<PointerEvent> KioskApp::ReadInput(double now)
{
    std::vector<PointerEvent> events = platform_.TakePointerEvents();
    for (PointerEvent& event : events)
        event.t += script_.ClockOffset();
    for (const PointerEvent& event : script_.TakePointerEvents())
        events.push_back(event);
    const float scroll_before = screen_.pointer.ScrollOffset();
    screen_.pointer.Update(events, ImGui::GetIO().MouseWheel, platform_.Dpi(), now);
    // A patient who scrolls while the voice reads wants to look elsewhere
    // (often back, to read again): the screen stops following the voice.
    if (!reading_.Target().empty() && std::fabs(screen_.pointer.ScrollOffset() - scroll_before) > 0.5f)
        screen_.views.reading_paused = true;
    // A touch that wakes the attract screen or ends the idle warning does only
    // that: it must not also act on the screen that appears beneath it.
    const bool was_warning = session_.Idle() == IdleState::Warning;
    if ((!events.empty() || KeyOrWheelThisFrame()) && (session_.NoteInput(now) || was_warning))
        screen_.pointer.Cancel();
    return events;
}

// The query runs here, between input and drawing, and only when it changed:
// a Xapian lookup reads the index, which the screens never do.
void KioskApp::UpdateSearch()
{
    if (session_.Current().screen != Screen::Search)
        return;
    if (search_.Update(session_.Language(), session_.Query())) {
        screen_.pointer.ResetScroll(0.0f);   // new results start at the top
        session_.Current().scroll_y = 0.0f;
        Redraw();
    }
}

// The popular questions change when the insights worker has read the
// counts, or with the language or the content: worked out here, not in the
// screen's frame, as it looks questions up in the FAQ.
void KioskApp::UpdatePopular()
{
    if (staff_.TakeMostOpened(&popular_.most_opened)) {
        popular_.content = nullptr;
        Redraw();
    }
    if (popular_.content == content_.get() && popular_.lang == session_.Language())
        return;
    popular_.lang = session_.Language();
    popular_.content = content_.get();
    popular_.ids = PopularQuestions(*content_, popular_.lang, popular_.most_opened, kPopularQuestionCount);
}

// Counts what this frame shows (core/insights): a settled search, a reset.
void KioskApp::CountInsights(double now)
{
    SearchOutcome outcome;   // only the search screen has results to judge
    const ui::SearchView& view = search_.View();
    if (session_.Current().screen == Screen::Search && view.ready) {
        outcome.known = true;
        outcome.lang = view.lang;
        outcome.query = view.query;
        outcome.no_answer = view.results.no_answer || view.results.hits.empty();
    }
    staff_.CountFrame(session_, outcome, now);
}

StaffSources KioskApp::Sources()
{
    StaffSources sources;
    sources.content = content_.get();
    sources.reload = &reload_;
    sources.index = search_.Index().get();
    return sources;
}

std::vector<Intent> KioskApp::DrawPatientScreen(const ui::Theme& theme, double now)
{
    if (reading_.Follow(session_, now))
        Redraw();
    if (reading_.Target().empty())
        screen_.views.reading_paused = false;   // the next reading is followed again
    ui::ScreenEnv env;
    env.content = content_.get();
    env.session = &session_;
    env.theme = &theme;
    env.fonts = &fonts_.Fonts();
    env.textures = &screen_.textures;
    const ui::PointerState no_touch;
    env.pointer = staff_.IsOpen() ? &no_touch : &screen_.pointer.State();   // the staff overlay covers the screen
    env.width = ImGui::GetIO().DisplaySize.x;
    env.height = ImGui::GetIO().DisplaySize.y;
    env.dpi = platform_.Dpi();
    env.now = now;
    env.search = &search_.View();
    env.reading = reading_.Target();
    env.reading_block = reading_.Block();
    env.reading_notice = reading_.Notice();
    env.popular = &popular_.ids;
    env.video = &video_.Overlay();
    std::vector<Intent> intents = ui::DrawScreen(env, screen_.views, &screen_.report);
    video_.WantFirstFrames(screen_.report.first_frames_wanted, *content_);

    screen_.pointer.SetScrollLimit(screen_.views.max_scroll);
    if (screen_.views.scroll_to >= 0.0f) {
        screen_.pointer.ScrollTo(screen_.views.scroll_to);
        Redraw();
    }
    reload_.RestorePlace(screen_.views, &screen_.pointer);
    session_.Current().scroll_y = screen_.pointer.ScrollOffset();
    return intents;
}

void KioskApp::DrawStaff(const ui::Theme& theme, double now)
{
    ui::StaffEnv env;
    env.theme = &theme;
    env.fonts = &fonts_.Fonts();
    env.pointer = &screen_.pointer.State();
    env.width = ImGui::GetIO().DisplaySize.x;
    env.height = ImGui::GetIO().DisplaySize.y;
    env.dpi = platform_.Dpi();
    env.now = now;
    bool redraw = false;
    switch (staff_.Draw(env, Sources(), now, &redraw)) {
    case StaffRequest::None:
        break;
    case StaffRequest::ReloadNow:
        reload_.ReloadNow();
        break;
    case StaffRequest::PreviewAsPatient:
        session_.Home();
        FollowSession();
        break;
    case StaffRequest::ExitKiosk:
        loop_.quit = true;
        break;
    }
    if (redraw)
        Redraw();
}

void KioskApp::PresentFrame(bool capture)
{
    if (capture) {
        // Capture the next frame, with the pictures and clips' first frames in it.
        if (screen_.textures.Decoding())
            screen_.textures.WaitForDecodes();
        else if (video_.DecodingFirstFrames())
            video_.WaitForFirstFrames();
        else
            script_.Capture(platform_);
    }
    platform_.Present();
    probes_.EndFrame(SessionScreenName(session_), session_.Current().scroll_y);
}

// Read-aloud and a clip never talk at once: starting one stops the other.
void KioskApp::ApplyMedia(const Intent& intent, double now)
{
    if (intent.kind == IntentKind::ReadAloud) {
        video_.Stop();
        reading_.Toggle(intent.text, *content_, session_);
    } else if (intent.kind == IntentKind::Video && video_.Apply(intent, *content_, session_, now)) {
        reading_.Stop();
    }
}

// `reading_before`: what was being read when the screen drew its buttons.
void KioskApp::ApplyIntents(const std::vector<Intent>& intents, double now, const std::string& reading_before)
{
    for (const Intent& intent : intents) {
        session_.Apply(intent, now);
        ApplyMedia(intent, now);
        staff_.CountIntent(intent, session_, reading_before);
    }
    FollowSession();
    if (reading_.Follow(session_, now) || !intents.empty())
        Redraw();
}

// [SECTION] What is shown

KioskApp::Shown KioskApp::WhatIsShown() const
{
    Shown shown;
    const Route& route = session_.Current();
    shown.screen = screen_.report.screen == "updating" ? screen_.report.screen : SessionScreenName(session_);
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

bool KioskApp::Holds(const std::string& condition) const
{
    const ui::SearchView& view = search_.View();
    const bool ready = view.ready && view.query == session_.Query() && view.lang == session_.Language();
    if (condition == "search-ready")
        return ready;
    if (condition.rfind("reading ", 0) == 0) {
        const std::string& target = reading_.Target();
        return condition.substr(8) == (target.empty() ? std::string("off") : target);
    }
    if (condition == "reading-in-view" || condition == "reading-away")
        return screen_.report.reading_shown == (condition == "reading-in-view" ? 1 : 0);
    if (condition.rfind("notice ", 0) == 0)   // the message drawn over the screen (screen_widgets.cpp)
        return screen_.report.notice == condition.substr(7);
    if (condition.rfind("place ", 0) == 0)   // the block a page keeps in place (page_screen.cpp)
        return std::to_string(screen_.report.page_place) == condition.substr(6);
    if (condition.rfind("suggested ", 0) == 0) {   // the first questions listed, in this order
        std::string listed;
        for (const std::string& id : screen_.report.suggested)
            listed += " " + id;
        return (listed + " ").rfind(condition.substr(9) + " ", 0) == 0;
    }
    if (condition.rfind("video ", 0) == 0 || condition.rfind("caption ", 0) == 0)   // video_controller.h
        return video_.Holds(condition);
    if (condition == "entry-at-top")   // the open question in the top quarter of the screen
        return screen_.report.open_entry_y >= 0.0f && screen_.report.open_entry_y < platform_.Height() * 0.25f;
    if (condition.rfind("result ", 0) == 0) {
        const SearchResults& results = view.results;
        const std::vector<SearchHit>& shown = results.hits.empty() ? results.related : results.hits;
        return ready && !shown.empty() && shown.front().id == condition.substr(7);
    }
    return ExpectationHolds(condition, session_);
}

ScriptDriver::Queries KioskApp::ScriptQueries() const
{
    ScriptDriver::Queries queries;
    queries.holds = [this](const std::string& condition) { return Holds(condition); };
    queries.find_button = [this](const std::string& label, float* x, float* y) {
        for (const ui::ScreenReport::Labelled& b : screen_.report.buttons)
            if (b.label == label) {
                *x = (b.x0 + b.x1) * 0.5f;
                *y = (b.y0 + b.y1) * 0.5f;
                return true;
            }
        return false;
    };
    return queries;
}

// [SECTION] The loop

// A frame threw: close the ImGui frame it left open and start a new
// patient's session on the home screen, as an idle reset does.
void KioskApp::RecoverFromFrameError()
{
    ui::EndFrameAfterError();
    session_.Reset(Now());
    Redraw();
}

// How long the loop may sleep when nothing moves: until the next timer
// (idle, script, the staff pad's lockout countdown and reload state).
double KioskApp::SecondsToWait()
{
    const double now = Now();
    double wait = std::min(session_.SecondsUntilNextEvent(now), script_.SecondsUntilNext(now));
    if (staff_.IsOpen())
        wait = std::min(wait, 0.5);
    wait = std::min(wait, video_.SecondsToWait(now));   // the controls fading out
    if (loop_.trim_when_settled && !fonts_.Building()) {
        // What start-up or the last patient left (file text, parse trees,
        // page layouts, a larger text size's atlas, pictures) is freed by
        // now, in several threads' malloc arenas; give those pages back
        // before the kiosk waits. Not earlier: the frames after a reset
        // still free the old screen's layouts and the driver its textures,
        // and pages freed after a trim stay resident until the next one.
        reload_.GetDisposer().Dispose(nullptr);
        loop_.trim_when_settled = false;
    }
    fonts_.BuildAhead();   // settled: the next text size, for the next tap
    return std::clamp(wait, 0.005, kMaxSleepSeconds);
}

int KioskApp::Run()
{
    fonts_.BuildInBackground();   // frames drawn one by one (screenshots) wait for their atlas
    while (!platform_.ShouldClose() && !loop_.quit && !script_.QuitRequested()) {
        const bool busy = loop_.settle_frames > 0 || screen_.pointer.Animating() || script_.CaptureWanted();
        if (busy ? platform_.PollEvents() : platform_.WaitEvents(SecondsToWait()))
            Redraw();
        try {
            DrawFrame();
        } catch (...) {
            ReportEscaped("drawing a frame", "the kiosk goes back to the home screen");
            RecoverFromFrameError();
        }
        loop_.settle_frames = std::max(0, loop_.settle_frames - 1);
    }
    return script_.Failures() > 0 ? 1 : 0;
}

} // namespace ck
