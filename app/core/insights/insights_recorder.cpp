// InsightsRecorder: the worker thread that owns the store, so the frame
// loop never waits on SQLite. It writes what the counter holds every
// flush_seconds or on request, prunes old days once a day, and reads summaries
// for the staff panel.
#include "insights/insights.h"
#include "insights/popular_questions.h"
#include "base/guard.h"
#include <chrono>
#include <cstdio>

namespace ck {

InsightsRecorder::InsightsRecorder(InsightsSettings settings, std::function<void()> wake)
    : settings_(std::move(settings)), wake_(std::move(wake)), counter_(settings_.today)
{
    worker_ = std::thread([this] { Work(); });
}

InsightsRecorder::~InsightsRecorder()
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
    worker_.join();
}

void InsightsRecorder::RequestFlush()
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        flush_asked_ = true;
    }
    changed_.notify_all();
}

void InsightsRecorder::FlushAndWait()
{
    std::unique_lock<std::mutex> lock(mutex_);
    flush_asked_ = true;
    // A flush already running may have taken the counts before the caller's
    // last ones: wait for one that starts after this call.
    const long wanted = flushes_done_ + (busy_ ? 2 : 1);
    changed_.notify_all();
    changed_.wait(lock, [&] { return flushes_done_ >= wanted || stopped_; });
}

void InsightsRecorder::RequestSummary(int days, std::vector<std::string> order, int top)
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        summary_asked_ = true;
        summary_days_ = days;
        summary_order_ = std::move(order);
        summary_top_ = top;
    }
    changed_.notify_all();
}

bool InsightsRecorder::TakeSummary(InsightsSummary* summary)
{
    std::lock_guard<std::mutex> lock(mutex_);
    if (!summary_ready_)
        return false;
    *summary = std::move(summary_);
    summary_ready_ = false;
    return true;
}

bool InsightsRecorder::TakeMostOpened(std::vector<std::string>* ids)
{
    std::lock_guard<std::mutex> lock(mutex_);
    if (!most_opened_ready_)
        return false;
    *ids = std::move(most_opened_);
    most_opened_ready_ = false;
    return true;
}

// Worker: the search screen's popular questions change slowly, so they are
// read once a day, never while a frame waits.
void InsightsRecorder::ReadMostOpened(const std::string& today)
{
    std::vector<InsightRow> rows;
    std::string error;
    if (!store_ || !store_->Read(FirstKeptDay(today, settings_.keep_days), today, &rows, &error))
        return;   // the popular list keeps the staff's choice; the next write reports the file
    {
        std::lock_guard<std::mutex> lock(mutex_);
        most_opened_ = MostOpenedQuestions(rows, kPopularMinOpens);
        most_opened_ready_ = true;
    }
    if (wake_)
        wake_();
}

bool InsightsRecorder::Failed() const
{
    std::lock_guard<std::mutex> lock(mutex_);
    return failed_;
}

// Worker: writes what the counter holds, and prunes when the day changed.
void InsightsRecorder::FlushPending()
{
    if (!store_)
        return;
    std::string error;
    const InsightCounts counts = counter_.Take();
    bool ok = store_->Add(counts, &error);
    const std::string today = settings_.today();
    if (ok && today != pruned_day_) {
        ok = store_->PruneBefore(FirstKeptDay(today, settings_.keep_days), today, &error);
        pruned_day_ = today;
        if (ok)
            ReadMostOpened(today);
    }
    if (ok)
        return;
    std::fprintf(stderr, "carekiosk: insights are off from now on: %s cannot be written (%s)\n",
                 settings_.path.c_str(), error.c_str());
    store_.reset();
    counter_.Stop();
    std::lock_guard<std::mutex> lock(mutex_);
    failed_ = true;
}

void InsightsRecorder::Work()
{
    std::string error;
    store_ = InsightsStore::Open(settings_.path, &error, settings_.mask);
    if (!store_) {
        std::fprintf(stderr, "carekiosk: insights are off: %s cannot be opened (%s)\n", settings_.path.c_str(),
                     error.c_str());
        counter_.Stop();
        std::lock_guard<std::mutex> lock(mutex_);
        failed_ = true;
    }
    FlushPending();   // prunes old days at start-up
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        changed_.wait_for(lock, std::chrono::duration<double>(settings_.flush_seconds),
                          [&] { return stop_ || flush_asked_ || summary_asked_; });
        const bool stop = stop_, summarise = summary_asked_;
        const int days = summary_days_, top = summary_top_;
        const std::vector<std::string> order = summary_order_;
        flush_asked_ = summary_asked_ = false;
        busy_ = true;
        lock.unlock();

        InsightsSummary summary;
        try {
            FlushPending();
            if (summarise && store_ &&
                !ReadInsightsSummary(*store_, settings_.today(), days, order, top, &summary, &error))
                summary = InsightsSummary();   // a failed read shows as no data; the next flush reports the file
        } catch (...) {
            ReportEscaped("recording the insights", "these counts are lost; counting goes on");
            summary = InsightsSummary();
        }

        lock.lock();
        busy_ = false;
        flushes_done_++;
        if (summarise) {
            summary_ = std::move(summary);
            summary_ready_ = true;
        }
        if (stop)
            stopped_ = true;
        changed_.notify_all();
        if (summarise && wake_)
            wake_();
        if (stop)
            return;
    }
}

} // namespace ck
