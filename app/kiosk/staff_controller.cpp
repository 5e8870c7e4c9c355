// StaffController. See staff_controller.h.
//
// [SECTION] Insights
// [SECTION] Overlay
#include "staff_controller.h"

#include "base/guard.h"
#include "base/unicode.h"
#include <algorithm>
#include <cstdio>

namespace ck {

namespace {

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

// [SECTION] Insights

void StaffController::StartInsights(InsightsSettings settings, KioskPlatform& platform)
{
    session_insights_.reset();
    // The worker wakes the loop when a summary for the staff panel is ready.
    KioskPlatform* wake = &platform;
    insights_ = std::make_unique<InsightsRecorder>(std::move(settings), [wake] { wake->Wake(); });
    session_insights_ = std::make_unique<SessionInsights>(&insights_->Counter());
}

void StaffController::CountFrame(const Session& session, const SearchOutcome& outcome, double now)
{
    if (session_insights_)
        session_insights_->NoteFrame(session, outcome, now);
}

void StaffController::CountIntent(const Intent& intent, const Session& session, const std::string& reading_before)
{
    if (!session_insights_)
        return;
    // Read-aloud toggles: only a start counts (the screen drew "Stop" for the one being read).
    if (intent.kind == IntentKind::ReadAloud && intent.text != reading_before)
        session_insights_->NoteReadAloud(session.Language(), intent.text);
    session_insights_->NoteIntent(intent, session);
}

void StaffController::CountVideo(const Session& session, const std::string& key, int quarter)
{
    if (session_insights_)
        session_insights_->NoteVideo(session.Language(), key, quarter);
}

// Asks the worker for the panel's summary; it arrives in Draw.
void StaffController::RequestInsights(const Content& content)
{
    if (!insights_ || insights_->Failed()) {
        info_.insights_period = !insights_ ? "off (\"insights\": false or insights_days 0 in kiosk.json, or no cache folder)"
                                           : "off: the insights file cannot be written (see the kiosk's log)";
        info_.insights_totals.clear();
        info_.insights_charts.clear();
        return;
    }
    insights_->RequestSummary(insights_->KeepDays(), content.config.languages, kStaffChartBars);
}

// [SECTION] Overlay

void StaffController::Configure(KioskPlatform& platform)
{
    platform_ = &platform;
    const float corner = ui::MinTargetPx(platform.Dpi()) * (kStaffCornerMm / ui::kMinTargetMm);
    gesture_ = StaffGesture(corner, corner * 0.3f);
}

void StaffController::OnSessionReset()
{
    panel_.mode = ui::StaffMode::Closed;
    panel_.digits.clear();
    if (insights_)
        insights_->RequestFlush();
}

bool StaffController::FeedGesture(const std::vector<PointerEvent>& events, const Session& session,
                                  const StaffSources& sources)
{
    just_opened_ = false;
    if (IsOpen()) {
        if (session.Idle() != IdleState::Active) {   // the overlay closes with the idle warning
            panel_.mode = ui::StaffMode::Closed;
            panel_.digits.clear();
        }
        return false;
    }
    bool consumed = false;
    bool opened = false;
    for (const PointerEvent& event : events) {
        const bool was_armed = gesture_.Armed(event.t);
        if (gesture_.Feed(event))
            opened = true;
        if (was_armed || gesture_.Armed(event.t))
            consumed = true;
    }
    if (!opened)
        return consumed;
    if (PinHash(*sources.content).empty()) {
        // Any patient can stumble on the gesture: without a PIN nothing
        // shows on screen, and only the log tells staff what to do.
        SayHowToSetPin(sources);
        return true;
    }
    panel_.mode = ui::StaffMode::Pad;
    panel_.digits.clear();
    panel_.message.clear();
    just_opened_ = true;
    Refresh(sources);
    return true;
}

void StaffController::Refresh(const StaffSources& sources)
{
    const Content& content = *sources.content;
    ui::StaffInfo& info = info_;
    info.content_dir = sources.reload->Dir();
    info.version = CAREKIOSK_VERSION;
    info.last_reload = sources.reload->LastReload();
    info.watch_state = sources.reload->WatchState();
    info.reload_busy = sources.reload->Busy();
    info.counts.clear();
    for (const LanguageContent& lang : content.languages)
        info.counts.push_back(lang.lang + ": " + Counted(int(lang.pages.size()), "page", "pages") + ", "
                              + Counted(int(lang.faq.size()), "FAQ entry", "FAQ entries"));
    info.search_index.clear();
    if (sources.index) {
        for (const IndexInfo& i : sources.index->Info()) {
            char line[160];
            std::snprintf(line, sizeof line, "%s: %s, %.0f KB, %.0f ms, %d documents", i.lang.c_str(),
                          IndexStateName(i.state), double(i.size_bytes) / 1024.0, i.open_ms, i.documents);
            info.search_index.push_back(line);
        }
    } else {
        info.search_index.push_back("still opening");
    }
    Diagnostics shown = sources.reload->Checked(content);
    for (const std::string& failure : RecentFailures())   // a worker or frame that failed (guard.h)
        shown.Error("carekiosk", 0, 0, failure);
    info.diagnostics = shown.Items();
    info.errors = shown.ErrorCount();
    info.warnings = shown.WarningCount();
    Diagnostics reviews;
    CheckReviewDates(content, LocalToday(), &reviews);
    info.overdue_reviews = int(reviews.Items().size());
    if (IsOpen())
        RequestInsights(content);
}

void StaffController::SayHowToSetPin(const StaffSources& sources) const
{
    std::fprintf(stderr,
                 "carekiosk: the staff gesture was used, but no staff PIN is set, so the staff panel stays "
                 "closed; to set one, run on the kiosk computer: carekiosk set-pin --content %s\n",
                 sources.reload->Dir().c_str());
}

// The hash from the state folder, or (for one release) the one an older
// version kept in kiosk.json. Read when the pad opens and on each PIN, so
// `carekiosk set-pin` takes effect without a restart.
std::string StaffController::PinHash(const Content& content) const
{
    const std::string hash = ReadStaffPinFile(StaffPinPath());
    return hash.empty() ? content.config.staff_pin_hash : hash;
}

StaffRequest StaffController::Draw(ui::StaffEnv env, const StaffSources& sources, double now, bool* redraw)
{
    const bool checked = TakePinCheck(sources);   // also when the overlay closed meanwhile
    if (!IsOpen())
        return StaffRequest::None;
    *redraw = *redraw || checked;
    if (info_.reload_busy != sources.reload->Busy())
        Refresh(sources);
    InsightsSummary summary;
    if (insights_ && insights_->TakeSummary(&summary)) {
        FillInsights(summary, *sources.content, insights_->KeepDays(), &info_);
        *redraw = true;
    }
    const ui::PointerState no_touch;
    env.info = &info_;
    if (just_opened_)
        env.pointer = &no_touch;
    const std::vector<ui::StaffAction> actions = ui::DrawStaffOverlay(env, panel_);
    StaffRequest request = StaffRequest::None;
    for (ui::StaffAction action : actions) {
        const StaffRequest r = Apply(action, sources, now);
        if (r != StaffRequest::None)
            request = r;
    }
    *redraw = *redraw || !actions.empty();
    return request;
}

void StaffController::StartPinCheck(const Content& content, double now)
{
    if (pin_check_.valid())
        return;   // one check at a time; the digits typed meanwhile wait for the next
    PinCheck check;
    check.lockout = panel_.lockout;
    KioskPlatform* platform = platform_;
    pin_check_ = std::async(std::launch::async, [pin = panel_.digits, hash = PinHash(content), check, now,
                                                 platform]() mutable {
        check.result = Guarded("checking the staff PIN", "it counts as a wrong PIN", [&] {
            return TryStaffPin(pin, hash, &check.lockout, now);
        }, PinResult::Wrong);
        if (platform)
            platform->Wake();
        return check;
    });
    panel_.digits.clear();
    panel_.message = "Checking the PIN...";
}

// The finished check, if there is one: true when it changed the overlay.
bool StaffController::TakePinCheck(const StaffSources& sources)
{
    if (!pin_check_.valid() || pin_check_.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return false;
    const PinCheck check = pin_check_.get();
    panel_.lockout = check.lockout;
    panel_.message.clear();
    // An audit trail of staff access in the kiosk's log (never the digits).
    static const char* const kResultNames[] = {"accepted", "wrong", "refused: the pad is locked", "no PIN set"};
    std::fprintf(stderr, "carekiosk: staff PIN %s\n", kResultNames[int(check.result)]);
    if (!IsOpen())
        return true;   // the overlay closed meanwhile (idle): the result only goes to the log
    if (check.result == PinResult::Accepted) {
        panel_.mode = ui::StaffMode::Panel;
        panel_.first_line = 0;
        Refresh(sources);
    } else if (check.result == PinResult::Wrong) {
        panel_.message = "Wrong PIN. Please try again.";
    } else if (check.result == PinResult::NoPinSet) {
        panel_.mode = ui::StaffMode::Closed;   // the PIN was removed while the pad was open
        SayHowToSetPin(sources);
    }
    return true;
}

StaffRequest StaffController::Apply(ui::StaffAction action, const StaffSources& sources, double now)
{
    switch (action) {
    case ui::StaffAction::SubmitPin:
        StartPinCheck(*sources.content, now);
        return StaffRequest::None;
    case ui::StaffAction::ReloadNow:
        info_.reload_busy = true;
        return StaffRequest::ReloadNow;
    case ui::StaffAction::PreviewAsPatient:
        panel_.mode = ui::StaffMode::Closed;
        return StaffRequest::PreviewAsPatient;
    case ui::StaffAction::ExitKiosk:
        std::fprintf(stderr, "carekiosk: exit requested from the staff panel\n");
        return StaffRequest::ExitKiosk;
    case ui::StaffAction::Close:
        panel_.mode = ui::StaffMode::Closed;
        panel_.digits.clear();
        return StaffRequest::None;
    }
    return StaffRequest::None;
}

} // namespace ck
