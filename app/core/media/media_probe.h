// What a clip is, asked of libmpv's client API (no window, no sound, no
// rendering): container, codec, duration, picture size, file size, and
// whether its first frame decodes. `carekiosk check` probes each clip a
// page shows; the kiosk itself never probes (it plays, and a clip that
// fails shows its poster and a calm message). The kiosk does ask for the
// first frame of a clip that has no poster, drawn by libmpv's software
// renderer into memory on a worker.
#pragma once
#include "base/diagnostics.h"
#include "content/content.h"
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

namespace ck {

struct MediaInfo {
    bool ok = false;           // a video track whose first frame decoded
    std::string error;         // why not, in plain words, when !ok
    std::string container;     // "mp4", "matroska,webm" ... (libavformat's name)
    std::string video_codec;   // "h264", "vp9" ...
    std::string audio_codec;   // "" when the clip has no sound
    double duration_s = 0;
    int width = 0, height = 0;
    uint64_t bytes = 0;
};

// Opens `path` with libmpv and waits, at most `timeout_s`, for its first
// frame. Blocking: call it from a command or a worker, never in a frame.
MediaInfo ProbeMedia(const std::string& path, double timeout_s = 15.0);

// The clip's first frame as RGBA pixels, at most `max_width` wide, for a
// clip with no poster beside it; null (and `error`) when it has none.
// Blocking (libmpv's software renderer, tens of ms): call it on a worker.
std::shared_ptr<ImageData> DecodeFirstFrame(const std::string& path, const std::string& key, int max_width,
                                            std::string* error, double timeout_s = 10.0);

// Limits check warns at: a kiosk clip is short, 720p or 1080p.
constexpr double kLongClipSeconds = 10 * 60;
constexpr int kWideClipPx = 1920;

// Every clip of `content` probed once (`probe` is ProbeMedia, or a test's
// own); what is wrong reported at each page line that shows it. Returns
// what each clip is, by key.
std::map<std::string, MediaInfo> CheckVideos(const Content& content, Diagnostics* diagnostics,
                 const std::function<MediaInfo(const std::string& path)>& probe = [](const std::string& path) {
                     return ProbeMedia(path);
                 });

// "1 min 05 s", "42 s": a duration for staff.
std::string FormatDuration(double seconds);
// "mp4, h264 + aac, 4 s, 640 x 360, 0.4 MB": one clip for staff.
std::string DescribeMedia(const MediaInfo& info);

} // namespace ck
