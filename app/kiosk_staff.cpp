// KioskApp, part two: live reload of the content folder and the staff
// overlay (hidden gesture -> PIN pad -> staff panel). See kiosk_app.h.
//
// [SECTION] Live reload
// [SECTION] Insights
// [SECTION] Staff overlay
#include "kiosk_app.h"
#include "core/guard.h"

#include "core/search.h"
#include "ui/content_check.h"
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <cstdio>
#include <algorithm>
#include <ctime>

namespace ck {

namespace {

// What the reload worker hands over besides the content.
struct ReloadExtra {
    Diagnostics checks;   // translations, review dates, fonts: as `check` prints them
    std::string glyphs;   // ContentGlyphs: collecting them reads every page's text
};

std::string ClockTime()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[32] = {};
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &local);
    return text;
}

std::string Counted(long long count, const char* one, const char* many)
{
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

constexpr int kStaffChartBars = 5;

// The panel's insights: totals per language, and three charts over all
// languages (each language's top list holds every entry of the overall top,
// so merging them is exact).
void FillInsights(const InsightsSummary& summary, const Content& content, int days, ui::StaffInfo* info)
{
    info->insights_period = "last " + Counted(days, "day", "days") + ", " + summary.first_day + " to "
                            + summary.last_day + (summary.Empty() ? ": no data yet" : "");
    info->insights_totals.clear();
    info->insights_charts.clear();
    if (summary.Empty())
        return;
    ui::StaffChart pages{"Most viewed pages", {}}, questions{"Most opened questions", {}};
    ui::StaffChart unanswered{"Searches with no answer", {}};
    const bool several = content.languages.size() > 1;
    auto add = [&](ui::StaffChart& chart, const std::vector<InsightsTop>& top, const std::string& lang,
                   InsightKind kind) {
        for (const InsightsTop& item : top)
            chart.bars.push_back({InsightLabel(content, lang, kind, item.key) + (several ? " (" + lang + ")" : ""),
                                  item.count});
    };
    for (const LanguageInsights& l : summary.languages) {
        info->insights_totals.push_back(
            l.lang + ": " + Counted(l.Total(InsightKind::PageView), "page view", "page views") + ", "
            + Counted(l.Total(InsightKind::FaqOpen), "question opened", "questions opened") + ", "
            + Counted(l.Total(InsightKind::Search), "search", "searches") + " ("
            + std::to_string(l.Total(InsightKind::SearchNoAnswer)) + " with no answer), "
            + std::to_string(l.Total(InsightKind::ReadAloud)) + " read aloud, "
            + Counted(l.Total(InsightKind::IdleReset), "idle reset", "idle resets"));
        add(pages, l.pages, l.lang, InsightKind::PageView);
        add(questions, l.questions, l.lang, InsightKind::FaqOpen);
        add(unanswered, l.unanswered, l.lang, InsightKind::SearchNoAnswer);
    }
    for (ui::StaffChart* chart : {&pages, &questions, &unanswered}) {
        std::stable_sort(chart->bars.begin(), chart->bars.end(),
                         [](const ui::StaffBar& a, const ui::StaffBar& b) { return a.count > b.count; });
        if (chart->bars.size() > size_t(kStaffChartBars))
            chart->bars.resize(size_t(kStaffChartBars));
        info->insights_charts.push_back(std::move(*chart));
    }
}

} // namespace

// [SECTION] Live reload

void KioskApp::StartLiveReload(const std::string& content_dir, const SearchOptions& options, Diagnostics startup)
{
    content_dir_ = content_dir;
    const float corner = ui::MinTargetPx(platform_.Dpi()) * (kStaffCornerMm / ui::kMinTargetMm);
    staff_gesture_ = StaffGesture(corner, corner * 0.3f);
    // The extra checks cost tens of milliseconds; only staff read them, so
    // they wait until the panel opens instead of delaying the first frame.
    completeness_pending_ = true;
    content_diagnostics_ = std::move(startup);
    last_reload_ = "none since start-up (" + ClockTime() + ")";
    search_options_ = options;
    // Runs on the worker. The search index is not opened here: a large
    // folder's index takes seconds to rebuild, and patients should see the
    // new text at once (TakeReload starts it; the old index answers meanwhile).
    PostLoadHook post_load = [](const Content& content, Diagnostics*) -> std::shared_ptr<void> {
        auto extra = std::make_shared<ReloadExtra>();
        ui::CheckContentCompleteness(content, ui::TodayDate(), &extra->checks);
        extra->glyphs = ui::ContentGlyphs(content);
        return extra;
    };
    reloader_ = std::make_unique<ContentReloader>(content_dir, content_, std::move(post_load),
                                                  [] { glfwPostEmptyEvent(); });
    if (!reloader_->Watching())
        std::fprintf(stderr, "carekiosk: not watching %s for changes: %s\n", content_dir.c_str(),
                     reloader_->WatchProblem().c_str());
}

// Between frames: swap in a finished reload, keeping the patient's place.
void KioskApp::TakeReload()
{
    if (!reloader_)
        return;
    std::optional<ContentUpdate> update = reloader_->TakeUpdate();
    if (!update)
        return;
    for (const Diagnostic& d : update->diagnostics.Items())
        std::fprintf(stderr, "%s\n", FormatDiagnostic(d).c_str());
    const std::string result = Counted(update->diagnostics.ErrorCount(), "error", "errors") + ", "
                               + Counted(update->diagnostics.WarningCount(), "warning", "warnings");
    std::fprintf(stderr, "carekiosk: content reloaded in %.0f ms: %s\n", update->load_ms, result.c_str());
    last_reload_ = ClockTime() + ": " + result + " (" + std::to_string(int(update->load_ms)) + " ms)"
                   + (update->kept_previous ? "; the folder was empty or missing, nothing changed" : "");
    content_diagnostics_ = update->diagnostics;
    completeness_pending_ = false;   // the worker ran them for this content
    std::optional<std::string> glyphs;   // none only if the hook did not run (it threw)
    if (auto extra = std::static_pointer_cast<ReloadExtra>(update->extra)) {
        content_diagnostics_.Append(extra->checks);
        glyphs = std::move(extra->glyphs);
    }
    if (update->kept_previous) {
        RefreshStaffInfo();
        return;
    }

    // Remember the heading the reader is under, so the new layout can put
    // them back there even if text above it changed length.
    reading_heading_ = -1;
    const Route& route = session_.Current();
    if (route.screen == Screen::Page && views_.page_body) {
        for (int i = 0;; i++) {
            const float offset = views_.page_body->HeadingOffset(i);
            if (offset < 0.0f || offset > route.scroll_y)
                break;
            reading_heading_ = i;
            reading_delta_ = route.scroll_y - offset;
        }
    }
    std::shared_ptr<const Content> previous = content_;
    SetContent(update->content, glyphs ? std::move(*glyphs) : ui::ContentGlyphs(*update->content));
    StartSearchIndex(search_options_);   // the new content's index, on its own thread
    if (route.screen == Screen::Page && !content_->FindPage(session_.Language(), route.id)) {
        session_.Home();   // their page was removed
        reading_heading_ = -1;
    }
    FollowRouteChange();
    RefreshStaffInfo();
    // The old content's pictures and documents are freed, and the heap
    // trimmed so weeks of reloads do not fragment it, on the disposer's
    // thread: for a 500-page folder that was tens of ms of this frame.
    disposer_.Dispose(std::move(previous));
}

// After the first layout of the reloaded page: scroll back to the heading.
void KioskApp::RestoreReadingPlace()
{
    if (reading_heading_ < 0 || !views_.page_body)
        return;
    const float offset = views_.page_body->HeadingOffset(reading_heading_);
    if (offset >= 0.0f)
        pointer_.ScrollTo(offset + reading_delta_);
    reading_heading_ = -1;
}

// [SECTION] Insights

void KioskApp::StartInsights(InsightsSettings settings)
{
    session_insights_.reset();
    // The worker wakes the loop when a summary for the staff panel is ready.
    insights_ = std::make_unique<InsightsRecorder>(std::move(settings), [] { glfwPostEmptyEvent(); });
    session_insights_ = std::make_unique<SessionInsights>(&insights_->Counter());
}

// Asks the worker for the panel's summary; it arrives in TakeInsights.
void KioskApp::RequestInsights()
{
    if (!insights_ || insights_->Failed()) {
        staff_info_.insights_period = !insights_ ? "off (\"insights\": false or insights_days 0 in kiosk.json, or no cache folder)"
                                                 : "off: the insights file cannot be written (see the kiosk's log)";
        staff_info_.insights_totals.clear();
        staff_info_.insights_charts.clear();
        return;
    }
    insights_->RequestSummary(insights_->KeepDays(), content_->config.languages, kStaffChartBars);
}

bool KioskApp::TakeInsights()
{
    InsightsSummary summary;
    if (!insights_ || !insights_->TakeSummary(&summary))
        return false;
    FillInsights(summary, *content_, insights_->KeepDays(), &staff_info_);
    return true;
}

// [SECTION] Staff overlay

// Returns true when this frame's touches belong to the gesture (the patient
// screen must not also act on them).
bool KioskApp::FeedStaffGesture(const std::vector<PointerEvent>& events, double /*now*/)
{
    staff_just_opened_ = false;
    if (staff_.mode != ui::StaffMode::Closed) {
        // The overlay closes with the patient session (idle warning or reset).
        if (session_.Idle() != IdleState::Active || session_.ResetCount() != staff_reset_count_) {
            staff_.mode = ui::StaffMode::Closed;
            staff_.digits.clear();
        }
        return false;
    }
    bool consumed = false;
    bool opened = false;
    for (const PointerEvent& event : events) {
        const bool was_armed = staff_gesture_.Armed(event.t);
        if (staff_gesture_.Feed(event))
            opened = true;
        if (was_armed || staff_gesture_.Armed(event.t))
            consumed = true;
    }
    if (!opened)
        return consumed;
    staff_.mode = StaffPinHash().empty() ? ui::StaffMode::NoPin : ui::StaffMode::Pad;
    staff_.digits.clear();
    staff_.message.clear();
    staff_reset_count_ = session_.ResetCount();
    staff_just_opened_ = true;
    RefreshStaffInfo();
    return true;
}

void KioskApp::RefreshStaffInfo()
{
    if (completeness_pending_) {
        ui::CheckContentCompleteness(*content_, ui::TodayDate(), &content_diagnostics_);
        completeness_pending_ = false;
    }
    ui::StaffInfo& info = staff_info_;
    info.content_dir = content_dir_;
    info.version = CAREKIOSK_VERSION;
    info.last_reload = last_reload_;
    info.watch_state = !reloader_ ? "off" : reloader_->Watching() ? "watching the folder for changes"
                                                                  : "not watching: " + reloader_->WatchProblem();
    info.reload_busy = reloader_ && reloader_->Busy();
    info.counts.clear();
    for (const LanguageContent& lang : content_->languages)
        info.counts.push_back(lang.lang + ": " + Counted(int(lang.pages.size()), "page", "pages") + ", "
                              + Counted(int(lang.faq.size()), "FAQ entry", "FAQ entries"));
    info.search_index.clear();
    search_.Update(session_.Language(), session_.Query());   // adopts the start-up index once it has opened
    if (const std::shared_ptr<const SearchIndex> index = search_.Index()) {
        for (const IndexInfo& i : index->Info()) {
            char line[160];
            std::snprintf(line, sizeof line, "%s: %s, %.0f KB, %.0f ms, %d documents", i.lang.c_str(),
                          IndexStateName(i.state), double(i.size_bytes) / 1024.0, i.open_ms, i.documents);
            info.search_index.push_back(line);
        }
    } else {
        info.search_index.push_back("still opening");
    }
    Diagnostics shown = content_diagnostics_;
    for (const std::string& failure : RecentFailures())   // a worker or frame that failed (guard.h)
        shown.Error("carekiosk", 0, 0, failure);
    info.diagnostics = shown.Items();
    info.errors = shown.ErrorCount();
    info.warnings = shown.WarningCount();
    info.overdue_reviews = 0;
    Diagnostics reviews;
    CheckReviewDates(*content_, ui::TodayDate(), &reviews);
    info.overdue_reviews = int(reviews.Items().size());
    if (StaffOpen())
        RequestInsights();
}

// The hash from the state folder, or (for one release) the one an older
// version kept in kiosk.json. Read when the pad opens and on each PIN, so
// `carekiosk set-pin` takes effect without a restart.
std::string KioskApp::StaffPinHash() const
{
    const std::string hash = ReadStaffPinFile(StaffPinPath());
    return hash.empty() ? content_->config.staff_pin_hash : hash;
}

void KioskApp::DrawStaff(const ui::Theme& theme, double now)
{
    if (!StaffOpen())
        return;
    if (reloader_ && staff_info_.reload_busy != reloader_->Busy())
        RefreshStaffInfo();
    if (TakeInsights())
        settle_frames_ = 3;
    const ui::PointerState no_touch;
    ui::StaffEnv env;
    env.info = &staff_info_;
    env.theme = &theme;
    env.fonts = &fonts_;
    env.pointer = staff_just_opened_ ? &no_touch : &pointer_.State();
    env.width = ImGui::GetIO().DisplaySize.x;
    env.height = ImGui::GetIO().DisplaySize.y;
    env.dpi = platform_.Dpi();
    env.now = now;
    const std::vector<ui::StaffAction> actions = ui::DrawStaffOverlay(env, staff_);
    if (!actions.empty())
        settle_frames_ = 3;
    for (ui::StaffAction action : actions) {
        switch (action) {
        case ui::StaffAction::SubmitPin: {
            const PinResult result = TryStaffPin(staff_.digits, StaffPinHash(), &staff_.lockout, now);
            staff_.digits.clear();
            // An audit trail of staff access in the kiosk's log (never the digits).
            static const char* const kResultNames[] = {"accepted", "wrong", "refused: the pad is locked", "no PIN set"};
            std::fprintf(stderr, "carekiosk: staff PIN %s\n", kResultNames[int(result)]);
            if (result == PinResult::Accepted) {
                staff_.mode = ui::StaffMode::Panel;
                staff_.first_line = 0;
                RefreshStaffInfo();
            } else if (result == PinResult::Wrong) {
                staff_.message = "Wrong PIN. Please try again.";
            } else if (result == PinResult::NoPinSet) {
                staff_.mode = ui::StaffMode::NoPin;
            }
            break;
        }
        case ui::StaffAction::ReloadNow:
            if (reloader_) {
                reloader_->ReloadNow();
                staff_info_.reload_busy = true;
            }
            break;
        case ui::StaffAction::PreviewAsPatient:
            staff_.mode = ui::StaffMode::Closed;
            session_.Home();
            FollowRouteChange();
            break;
        case ui::StaffAction::ExitKiosk:
            std::fprintf(stderr, "carekiosk: exit requested from the staff panel\n");
            quit_ = true;
            break;
        case ui::StaffAction::Close:
            staff_.mode = ui::StaffMode::Closed;
            staff_.digits.clear();
            break;
        }
    }
}

} // namespace ck
