// The file system as the TS front end sees it: an interface (Ninja's DiskInterface) with the
// real disk and an in-memory tree for tests (Ninja's VirtualFileSystem), plus lexical helpers
// for POSIX paths. Every path handed to a Vfs is absolute and uses '/' separators; callers
// make relative paths absolute with ResolvePath(vfs.Cwd(), path) first.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace dp::ts {

bool IsAbsolutePath(std::string_view path);
std::string ResolvePath(std::string_view cwd, std::string_view path);

/// What a path names, after following symlinks.
enum class FileKind { Missing, File, Directory };

/// One entry of a directory listing.
struct DirEntry {
  std::string name;                   // a single path component
  FileKind kind = FileKind::Missing;  // after following symlinks (Missing for a dangling link)
  bool is_symlink = false;            // the entry itself is a symlink (lstat)
};

/// Read-only access to files. Implementations must be usable from one thread at a time.
class Vfs {
 public:
  virtual ~Vfs() = default;

  /// The whole content of a file; fails with "cannot read <path>: <reason>".
  virtual base::Result<std::string> ReadFile(std::string_view path) = 0;
  /// What `path` names after following symlinks (stat).
  virtual FileKind Stat(std::string_view path) = 0;
  /// True when `path` itself is a symlink (lstat).
  virtual bool IsSymlink(std::string_view path) = 0;
  /// The entries of a directory, sorted by name bytewise (as Node's readdir returns them),
  /// without "." and "..".
  virtual base::Result<std::vector<DirEntry>> ListDirectory(std::string_view path) = 0;
  /// The canonical absolute path: symlinks resolved, "." and ".." removed (realpath(3)).
  /// Fails when the path does not exist.
  virtual base::Result<std::string> RealPath(std::string_view path) = 0;
  /// The absolute working directory that relative user paths are taken against.
  virtual std::string Cwd() = 0;

  bool Exists(std::string_view path) { return Stat(path) != FileKind::Missing; }
  bool IsFile(std::string_view path) { return Stat(path) == FileKind::File; }
  bool IsDirectory(std::string_view path) { return Stat(path) == FileKind::Directory; }
};

/// The process's real file system.
class RealVfs final : public Vfs {
 public:
  /// Uses the process working directory unless `cwd` is given.
  explicit RealVfs(std::string cwd = {});

  base::Result<std::string> ReadFile(std::string_view path) override;
  FileKind Stat(std::string_view path) override;
  bool IsSymlink(std::string_view path) override;
  base::Result<std::vector<DirEntry>> ListDirectory(std::string_view path) override;
  base::Result<std::string> RealPath(std::string_view path) override;
  std::string Cwd() override { return cwd_; }

 private:
  /// Relative paths are taken against cwd_, not the process's working directory.
  std::string Abs(std::string_view path) const {
    return IsAbsolutePath(path) ? std::string(path) : ResolvePath(cwd_, path);
  }

  std::string cwd_;
};

/// An in-memory tree for tests. Parent directories are created implicitly. Symlinks may
/// point at files or directories, relative to the link's directory or absolute.
class MemoryVfs final : public Vfs {
 public:
  explicit MemoryVfs(std::string cwd = "/");

  /// Adds (or replaces) a file; relative paths are taken against the cwd.
  void AddFile(std::string_view path, std::string content);
  /// Adds an empty directory.
  void AddDirectory(std::string_view path);
  /// Adds a symlink at `path` whose target text is `target`.
  void AddSymlink(std::string_view path, std::string_view target);
  void set_cwd(std::string cwd) { cwd_ = std::move(cwd); }
  /// Every path passed to ReadFile, in call order (to test caching).
  const std::vector<std::string>& files_read() const { return files_read_; }

  base::Result<std::string> ReadFile(std::string_view path) override;
  FileKind Stat(std::string_view path) override;
  bool IsSymlink(std::string_view path) override;
  base::Result<std::vector<DirEntry>> ListDirectory(std::string_view path) override;
  base::Result<std::string> RealPath(std::string_view path) override;
  std::string Cwd() override { return cwd_; }

 private:
  enum class NodeKind { File, Directory, Symlink };
  struct Node {
    NodeKind kind = NodeKind::File;
    std::string data;  // file content or symlink target
  };
  /// Resolves every symlink in `path`; empty when a component is missing or a loop is found.
  std::string Canonical(std::string_view path, bool follow_last) const;
  void EnsureParents(const std::string& path);

  std::string cwd_;
  std::map<std::string, Node, std::less<>> nodes_;  // key: absolute normalized path
  std::vector<std::string> files_read_;
};

// --- lexical path helpers (no file system access; POSIX semantics like Node's path.posix)

/// True for paths starting with '/'.
bool IsAbsolutePath(std::string_view path);
/// Collapses "//", "." and ".." components; keeps a leading '/'; drops a trailing '/'.
/// "" and "." give "."; ".." at the root of an absolute path stays at the root.
std::string NormalizePath(std::string_view path);
/// `base`/`path` normalized; `path` alone when it is absolute.
std::string JoinPath(std::string_view base, std::string_view path);
/// Node's path.resolve(cwd, path): an absolute, normalized path.
std::string ResolvePath(std::string_view cwd, std::string_view path);
/// The directory part: "/a/b.ts" -> "/a", "/a" -> "/", "a" -> ".".
std::string DirName(std::string_view path);
/// The last component: "/a/b.ts" -> "b.ts".
std::string BaseName(std::string_view path);
/// The extension of the last component with its dot ("b.d.ts" -> ".ts", ".env" -> "").
std::string Extension(std::string_view path);
/// True when `path` equals `dir` or lies below it (both absolute and normalized).
bool PathIsWithin(std::string_view path, std::string_view dir);
/// True when some component of `path` is "node_modules".
bool PathHasNodeModules(std::string_view path);

}  // namespace dp::ts
