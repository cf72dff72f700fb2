import ArgumentParser
import BusbarServer
import DepotConfig
import DepotModel
import Foundation
import PolicyEngine

extension Busbar.Policy {
    /// `busbar policy test`: the policy case tables, run like a test suite.
    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the *_test.yaml case tables next to the policies.",
            discussion: """
                Finds every *_test.yaml file under PATHS (files or folders; default: policies) and runs its cases \
                against the Lua files of the table's folder. A case passes when the policy itself decides and its \
                result matches the expectation partially. Exit codes: 0 all cases pass, 1 error (an unreadable or \
                invalid case table, a policy that does not compile), 2 failed cases.
                """
        )

        @Argument(help: "Case tables or folders to search for *_test.yaml files.")
        var paths: [String] = ["policies"]

        func run() async throws {
            var (passed, failed, errors) = (0, 0, 0)
            for table in try caseTables() {
                print(table)
                let cases: [PolicyTestCase]
                let revision: PolicyRevision
                do {
                    cases = try PolicyCaseLoader.load(URL(fileURLWithPath: table))
                    let parent = (table as NSString).deletingLastPathComponent
                    let folder = parent.isEmpty ? "." : parent
                    revision = try PolicyRevision(folder: DisplayPath.of(folder), directory: URL(fileURLWithPath: folder))
                } catch {
                    printError(DisplayPath.shorten("\(error)"))
                    errors += 1
                    continue
                }
                if let first = cases.first,
                    let error = PolicyEngine.check(
                        PolicyRevision(folder: revision.folder, files: revision.files, domains: [first.domain: first.policy], budget: revision.budget)
                    )
                {
                    printError(error.message)
                    errors += 1
                    continue
                }
                for testCase in cases {
                    let result = await PolicyCaseRunner.run(testCase, revision: revision)
                    if result.passed {
                        print("  ✔ \(result.name)")
                        passed += 1
                    } else {
                        print("  ✘ \(result.name) (\(DisplayPath.of(result.source))): \(result.failures.joined(separator: "; "))")
                        failed += 1
                    }
                }
            }
            print("\(passed) passed, \(failed) failed" + (errors > 0 ? ", \(errors) error\(errors == 1 ? "" : "s")" : ""))
            if errors > 0 { throw ExitCode(1) }
            if failed > 0 { throw ExitCode(2) }
        }

        /// The case tables under `paths`, sorted; a path that does not exist is an error.
        private func caseTables() throws -> [String] {
            var tables: [String] = []
            for path in paths {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                    printError("\(path): no such file or folder")
                    throw ExitCode(1)
                }
                guard isFolder.boolValue else {
                    tables.append(path)
                    continue
                }
                tables += DepotRevision.caseTables(in: path)
            }
            return tables.sorted()
        }
    }
}
