import Foundation

/// Paths as an operator reads them: relative to the working directory when inside it, so policy
/// errors say `policies/nord/priority.lua:12` rather than an absolute path. Shared by the CLI and
/// the reloader, so `busbar policy check` and a failed reload name a file the same way.
public enum DisplayPath {
    /// `path`, relative to the working directory when it lies inside it.
    public static func of(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard absolute.hasPrefix(current + "/") else { return absolute }
        return String(absolute.dropFirst(current.count + 1))
    }

    /// A message (e.g. a case table issue) with the working directory left out of its paths.
    public static func shorten(_ message: String) -> String {
        message.replacingOccurrences(of: current + "/", with: "")
    }

    private static var current: String {
        URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
    }
}
