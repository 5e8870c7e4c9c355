// Outputs for end-to-end tests and measurements of a kiosk run. Both are off
// unless asked for on the command line, and neither changes what the patient
// sees.
//
//   --status-file FILE   StatusFile: a few "key value" lines describing what
//                        the kiosk shows, rewritten (atomically, by rename)
//                        only when they change. Lets a test that drives the
//                        real window with X events see where it went.
//   --frame-stats FILE   FrameStats: per-frame main-thread CPU time, kept in
//                        memory and written once when the kiosk exits.
#pragma once
#include "session/session.h"
#include "widgets/document_view.h"   // PictureCounts
#include <memory>
#include <string>
#include <vector>

namespace ck {

// What StatusFile writes, e.g.
//   screen page:benefits      (SessionScreenName: also idle-warning, attract)
//   scroll 412                (whole pixels from the top of the current screen)
//   text-size 1
//   contrast off
//   language en
//   idle-resets 2             (idle resets since start-up)
// and, from the app, what read-aloud is reading:
//   speaking page:aftercare 3 (segment 3 of that page; "speaking off" when quiet)
//   video KEY playing 1.25    (the clip open, its state and second; "video off" when none)
//   caption TEXT              (the caption on screen, lines joined by '/')
//   video-rect X0 Y0 X1 Y1    (the playing clip's picture on screen; 0s when none drawn)
//   video-dropped N           (while a clip is open: frames it dropped so far)
//   dpi 96                    (the screen's pixels per inch, for tests that tap in millimetres)
//   text-size-ahead 2         (the text size whose fonts are built ahead; -1 none yet)
// and, per frame presented (so the file changes every frame):
//   frame 118                 (frames presented since start-up)
//   frame-time 5123.456       (CLOCK_MONOTONIC seconds when it was presented)
//   drawn-text-size 2         (the text size its fonts were built for)
//   pictures 1 loading 0 blank 0 blank-frames 0
//                             (content pictures in view: shown, placeholder, empty box;
//                             then the frames so far that left a picture's box empty)
std::string StatusText(const Session& session);

class StatusFile {
public:
    explicit StatusFile(std::string path) : path_(std::move(path)) {}
    // Rewrites the file when `text` differs from what was written last.
    // Writes go to FILE.tmp first, so a reader never sees half a file.
    void Update(const std::string& text);

private:
    std::string path_;
    std::string written_;
    bool failed_ = false;   // report a write failure once, not every frame
};

// Thread CPU time (CLOCK_THREAD_CPUTIME_ID) of the parts of a frame, so the
// app's own work can be told apart from the GL driver's. Under Xvfb the GL
// driver is a software rasteriser whose cost says nothing about the kiosk.
//
//   build  = input, idle logic, layout and ImGui draw lists (DrawScreen)
//   submit = ImGui::Render and the GL calls that hand the lists to the driver
//   present = wall time of swap / glFinish (not CPU: it mostly waits)
class FrameStats {
public:
    explicit FrameStats(std::string path);
    ~FrameStats();   // writes the file
    FrameStats(const FrameStats&) = delete;
    FrameStats& operator=(const FrameStats&) = delete;

    void BeginFrame();
    void EndBuild();
    void EndSubmit();
    void EndFrame(const std::string& screen, float scroll);

private:
    struct Row {
        double t = 0.0;              // wall seconds since the first frame began
        double build_cpu = 0.0;      // seconds
        double submit_cpu = 0.0;
        double present_wall = 0.0;
        std::string screen;
        float scroll = 0.0f;
    };
    void Write() const;

    std::string path_;
    std::vector<Row> rows_;
    Row current_;
    double frame_cpu_start_ = 0.0, build_cpu_end_ = 0.0, submit_cpu_end_ = 0.0;
    double submit_wall_end_ = 0.0;
    double first_wall_ = -1.0;
    double first_present_unix_ = 0.0;   // CLOCK_REALTIME when the first frame was on screen
    double first_present_cpu_ = 0.0;    // process CPU seconds (all threads) by then
};

// The kiosk's probes, each optional: what the loop calls them through.
class Probes {
public:
    void Set(std::unique_ptr<StatusFile> status, std::unique_ptr<FrameStats> stats)
    {
        status_ = std::move(status);
        stats_ = std::move(stats);
    }
    void BeginFrame() { if (stats_) stats_->BeginFrame(); }
    void EndBuild() { if (stats_) stats_->EndBuild(); }
    void EndSubmit() { if (stats_) stats_->EndSubmit(); }
    void EndFrame(const std::string& screen, float scroll) { if (stats_) stats_->EndFrame(screen, scroll); }
    // After a frame was presented: `text` (StatusText and the app's lines)
    // and the frame lines above.
    void Status(const std::string& text, int drawn_text_size, const ui::PictureCounts& pictures);
    bool WantsStatus() const { return status_ != nullptr; }   // the text costs a few allocations a frame

private:
    long frames_ = 0;
    long blank_frames_ = 0;
    std::unique_ptr<StatusFile> status_;
    std::unique_ptr<FrameStats> stats_;
};

} // namespace ck
