// SessionInsights: what of a patient's session is counted. It watches
// intents and frames, counts a page or question once it is shown, and a
// search once the patient settled on it, each unanswered query once per
// session.
#include "insights/insights.h"

namespace ck {

void SessionInsights::NoteIntent(const Intent& intent, const Session& session)
{
    const Route& route = session.Current();
    switch (intent.kind) {
    case IntentKind::OpenPage:
        if (route.screen == Screen::Page && route.id == intent.text)
            counter_->Count(session.Language(), InsightKind::PageView, route.id);
        break;
    case IntentKind::OpenFaq:
    case IntentKind::ToggleFaqEntry:
        // Only an entry that is now expanded; collapsing one is not an open.
        if (!intent.text.empty() && route.screen == Screen::Faq && route.id == intent.text)
            counter_->Count(session.Language(), InsightKind::FaqOpen, route.id);
        break;
    default:
        break;
    }
}

void SessionInsights::NoteReadAloud(const std::string& lang, const std::string& target)
{
    if (!target.empty())
        counter_->Count(lang, InsightKind::ReadAloud, target);
}

void SessionInsights::NoteVideo(const std::string& lang, const std::string& key, int quarter)
{
    if (key.empty() || quarter < 0 || quarter > 4)
        return;
    if (quarter == 0)
        counter_->Count(lang, InsightKind::VideoPlay, key);
    else
        counter_->Count(lang, InsightKind::VideoReached, key + " " + std::to_string(quarter));
}

void SessionInsights::CountIfSettled(double now, bool left)
{
    Watched& w = watched_;
    if (w.counted || !w.known || (!left && now - w.since < settle_seconds_) || NormaliseQuery(w.query).empty())
        return;
    counter_->Count(w.lang, InsightKind::Search);
    const std::string key = NormaliseQuery(w.query);
    if (w.no_answer && (key == kWithheldQuery || session_queries_.insert(w.lang + '\x1f' + key).second))
        counter_->Count(w.lang, InsightKind::SearchNoAnswer, key);
    w.counted = true;
}

void SessionInsights::NoteFrame(const Session& session, const SearchOutcome& search, double now)
{
    const bool reset = reset_count_ >= 0 && session.ResetCount() != reset_count_;
    if (reset)
        counter_->Count(language_, InsightKind::IdleReset);
    const bool on_search = !reset && session.Current().screen == Screen::Search;
    const bool same = on_search && session.Language() == watched_.lang && session.Query() == watched_.query;
    if (!same) {
        // The query the patient had ended: it counts if they left the screen
        // with it, or kept it long enough before typing on (the kiosk draws
        // no frames while nobody touches it, so the time is checked now).
        CountIfSettled(now, !on_search);
        if (on_search || reset)
            watched_ = Watched{session.Language(), session.Query(), now};
    }
    if (on_search && search.known && search.lang == watched_.lang && search.query == watched_.query) {
        watched_.known = true;
        watched_.no_answer = search.no_answer;
    }
    if (on_search)
        CountIfSettled(now, false);
    // An idle reset or Home ends this patient's session: the next one's
    // queries count again, and this one's are no longer held in memory.
    if (reset || session.Current().screen == Screen::Home)
        session_queries_.clear();
    reset_count_ = session.ResetCount();
    language_ = session.Language();
}

} // namespace ck
