// ContentWatch: notices changes in the content folder with Linux inotify.
//
// Rules a caller must know:
// - Every folder under the root is watched, including folders created or
//   moved in later. Symbolic links to folders are not followed (the loader
//   refuses files outside the content folder anyway).
// - The folder's parent is watched for the folder's own name, so replacing
//   the whole folder (`mv new content`, a checkout that recreates it, a
//   symlink swapped in) re-arms every watch. When the folder is gone the
//   caller should call PollRoot() now and then (about once a second): it
//   re-arms the watches as soon as the folder is back.
// - Not thread-safe: one thread owns it (ContentReloader's worker). Fd() can
//   be handed to poll() to wait for events.
// - Never throws; problems (no inotify, watch limit reached) are in Problem().
#pragma once
#include <map>
#include <string>
#include <vector>

namespace ck {

class ContentWatch {
public:
    explicit ContentWatch(const std::string& root);
    ~ContentWatch();
    ContentWatch(const ContentWatch&) = delete;
    ContentWatch& operator=(const ContentWatch&) = delete;

    int Fd() const { return fd_; }              // -1 when inotify is unavailable
    bool Available() const { return fd_ >= 0; }
    bool RootWatched() const { return root_wd_ >= 0; }   // the folder exists and is watched

    // Reads every queued event without blocking. True when anything in the
    // content folder changed, or the folder itself went away or came back.
    bool ReadEvents();
    // For when the folder is gone: re-arms the watches if it has come back.
    // True when it did (the content changed).
    bool PollRoot();

    // Absolute paths of the folders watched now, for tests and the staff panel.
    std::vector<std::string> WatchedFolders() const;
    const std::string& Problem() const { return problem_; }   // "" when all is well

private:
    void Rearm();
    void WatchParent();
    void AddTree(const std::string& dir);
    bool AddOne(const std::string& dir);
    void RemoveTree(const std::string& dir);
    bool HandleEvent(int wd, unsigned mask, const std::string& name);

    std::string root_;          // absolute, normalised, no trailing separator
    std::string parent_;
    std::string root_name_;
    int fd_ = -1;
    int root_wd_ = -1;
    int parent_wd_ = -1;
    std::map<int, std::string> dirs_;   // watch descriptor -> absolute folder path
    std::string problem_;
};

} // namespace ck
