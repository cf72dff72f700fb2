import DepotModel
import Foundation

extension DepotFileReader {
    /// The policy folder and files must exist; they are compiled by `busbar policy check`.
    func readPolicies(_ node: ConfigNode) -> PolicyFiles? {
        let domainKeys = Set(PolicyDomain.allCases.map(\.rawValue))
        guard let map = node.mapping(keys: domainKeys.union(["dir", "budget"])), let dirNode = map.required("dir"), let dir = dirNode.string() else {
            return nil
        }
        let directory = resolve(dir, against: folder)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder), isFolder.boolValue else {
            dirNode.report("policy folder \(directory.path) does not exist")
            return nil
        }
        var files: [PolicyDomain: String] = [:]
        for domain in PolicyDomain.allCases {
            guard let fileNode = map.optional(domain.rawValue), let file = fileNode.string() else { continue }
            let path = resolve(file, against: directory).path
            if !path.hasPrefix(directory.path + "/") {
                fileNode.report("policy files must lie inside the policy folder")
            } else if !file.hasSuffix(".lua") {
                fileNode.report("policy files are Lua files ending in .lua")
            } else if !FileManager.default.fileExists(atPath: path) {
                fileNode.report("policy file \(path) does not exist")
            } else {
                files[domain] = file
            }
        }
        var instructions = PolicyFiles.defaultInstructionBudget
        var memory = PolicyFiles.defaultMemoryLimitMegabytes
        if let budget = map.optional("budget")?.mapping(keys: ["instructions", "memory_mb"]) {
            instructions = budget.optional("instructions")?.integer(in: 10_000...PolicyFiles.maximumInstructionBudget) ?? instructions
            memory = budget.optional("memory_mb")?.integer(in: 1...PolicyFiles.maximumMemoryLimitMegabytes) ?? memory
        }
        return PolicyFiles(directory: directory.path, files: files, instructionBudget: instructions, memoryLimitMegabytes: memory)
    }

    /// A path from the file, read against a folder unless it is absolute.
    private func resolve(_ path: String, against folder: URL) -> URL {
        (path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)).standardizedFileURL
    }
}
