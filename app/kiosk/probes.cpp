// StatusFile and FrameStats. See probes.h.
#include "probes.h"

#include <cmath>
#include <cstdio>
#include <ctime>

namespace ck {

namespace {

double ClockSeconds(clockid_t clock)
{
    timespec ts{};
    clock_gettime(clock, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

} // namespace

// [SECTION] StatusFile

std::string StatusText(const Session& session)
{
    std::string text = "screen " + SessionScreenName(session) + "\n";
    text += "scroll " + std::to_string(long(std::lround(session.Current().scroll_y))) + "\n";
    text += "text-size " + std::to_string(session.TextSize()) + "\n";
    text += std::string("contrast ") + (session.HighContrast() ? "on" : "off") + "\n";
    text += "language " + session.Language() + "\n";
    text += "idle-resets " + std::to_string(session.ResetCount()) + "\n";
    return text;
}

void Probes::Status(const std::string& text, int drawn_text_size, const ui::PictureCounts& pictures)
{
    frames_++;
    if (pictures.blank > 0)
        blank_frames_++;
    if (!status_)
        return;
    char frame[200];
    std::snprintf(frame, sizeof frame,
                  "frame %ld\nframe-time %.4f\ndrawn-text-size %d\npictures %d loading %d blank %d blank-frames %ld\n",
                  frames_, ClockSeconds(CLOCK_MONOTONIC), drawn_text_size, pictures.drawn, pictures.loading,
                  pictures.blank, blank_frames_);
    status_->Update(text + frame);
}

void StatusFile::Update(const std::string& text)
{
    if (text == written_ || failed_)
        return;
    const std::string tmp = path_ + ".tmp";
    FILE* file = std::fopen(tmp.c_str(), "w");
    bool ok = file && std::fwrite(text.data(), 1, text.size(), file) == text.size();
    if (file)
        ok = std::fclose(file) == 0 && ok;
    ok = ok && std::rename(tmp.c_str(), path_.c_str()) == 0;
    if (!ok) {
        std::fprintf(stderr, "carekiosk: cannot write the status file %s\n", path_.c_str());
        failed_ = true;
        return;
    }
    written_ = text;
}

// [SECTION] FrameStats

FrameStats::FrameStats(std::string path) : path_(std::move(path))
{
    rows_.reserve(4096);
}

FrameStats::~FrameStats()
{
    Write();
}

void FrameStats::BeginFrame()
{
    const double wall = ClockSeconds(CLOCK_MONOTONIC);
    if (first_wall_ < 0.0)
        first_wall_ = wall;
    current_ = Row();
    current_.t = wall - first_wall_;
    frame_cpu_start_ = ClockSeconds(CLOCK_THREAD_CPUTIME_ID);
}

void FrameStats::EndBuild()
{
    build_cpu_end_ = ClockSeconds(CLOCK_THREAD_CPUTIME_ID);
}

void FrameStats::EndSubmit()
{
    submit_cpu_end_ = ClockSeconds(CLOCK_THREAD_CPUTIME_ID);
    submit_wall_end_ = ClockSeconds(CLOCK_MONOTONIC);
}

void FrameStats::EndFrame(const std::string& screen, float scroll)
{
    if (rows_.empty()) {
        first_present_unix_ = ClockSeconds(CLOCK_REALTIME);
        first_present_cpu_ = ClockSeconds(CLOCK_PROCESS_CPUTIME_ID);
    }
    current_.build_cpu = build_cpu_end_ - frame_cpu_start_;
    current_.submit_cpu = submit_cpu_end_ - build_cpu_end_;
    current_.present_wall = ClockSeconds(CLOCK_MONOTONIC) - submit_wall_end_;
    current_.screen = screen;
    current_.scroll = scroll;
    rows_.push_back(current_);
}

// Plain text an awk script can read: two header lines, then one row per frame.
void FrameStats::Write() const
{
    FILE* file = std::fopen(path_.c_str(), "w");
    if (!file) {
        std::fprintf(stderr, "carekiosk: cannot write the frame statistics %s\n", path_.c_str());
        return;
    }
    std::fprintf(file, "# first_frame_unix %.6f\n", first_present_unix_);
    std::fprintf(file, "# first_frame_process_cpu %.6f\n", first_present_cpu_);
    std::fprintf(file, "# t_s build_cpu_us submit_cpu_us present_wall_us screen scroll_px\n");
    for (const Row& row : rows_)
        std::fprintf(file, "%.4f %.1f %.1f %.1f %s %.1f\n", row.t, row.build_cpu * 1e6, row.submit_cpu * 1e6,
                     row.present_wall * 1e6, row.screen.c_str(), row.scroll);
    std::fclose(file);
}

} // namespace ck
