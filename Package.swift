// swift-tools-version: 6.2
import Foundation
import PackageDescription

/// One set of settings for every target (docs/conventions.md §1).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Busbar",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "busbar", targets: ["busbar"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // Lua 5.4 from Debian's liblua5.4-dev; only PolicyEngine imports it (docs/conventions.md §14).
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev", "pkg-config"])]
        ),
        .target(name: "CLuaSupport", dependencies: ["CLua"]),
        // COIN-OR Clp from Debian's coinor-libclp-dev: the LP of the taper planner (docs/solver.md §3.2).
        .systemLibrary(
            name: "CClp",
            pkgConfig: "clp",
            providers: [.apt(["coinor-libclp-dev", "pkg-config"])]
        ),

        .target(name: "DepotModel", swiftSettings: swiftSettings),
        .target(
            name: "DepotConfig",
            dependencies: ["DepotModel", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .target(name: "OCPP", swiftSettings: swiftSettings),
        .target(name: "VDV", swiftSettings: swiftSettings),
        .target(name: "PowerSolver", dependencies: ["DepotModel", "CClp"], swiftSettings: swiftSettings),
        .target(
            name: "PolicyEngine",
            dependencies: ["DepotModel", "CLua", "CLuaSupport"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Storage",
            dependencies: ["DepotModel", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .target(name: "Reports", dependencies: ["DepotModel", "Storage"], swiftSettings: swiftSettings),
        .target(
            name: "Notifications",
            dependencies: [
                "DepotModel", "Storage",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "DepotRuntime",
            dependencies: [
                "DepotModel", "PowerSolver", "PolicyEngine", "Storage", "Notifications",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "DepotSimulator",
            dependencies: [
                "DepotModel", "OCPP", "VDV", "PowerSolver",
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BusbarServer",
            dependencies: [
                "DepotModel", "DepotConfig", "OCPP", "VDV", "PowerSolver", "PolicyEngine",
                "Storage", "Notifications", "DepotRuntime", "Reports",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Dashboard"), .copy("API/openapi.yaml")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "busbar",
            dependencies: [
                "BusbarServer", "DepotConfig", "DepotModel", "DepotRuntime", "PolicyEngine", "Storage", "DepotSimulator", "PowerSolver", "Reports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),

        // Test doubles the guide allows (the clock), shared by the test targets.
        .target(name: "TestSupport", dependencies: ["DepotModel"], path: "Tests/TestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "DepotModelTests", dependencies: ["DepotModel"], swiftSettings: swiftSettings),
        .testTarget(
            name: "DepotConfigTests",
            dependencies: ["DepotConfig", "DepotModel"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "OCPPTests",
            dependencies: ["OCPP"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "VDVTests", dependencies: ["VDV"], exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(
            name: "PowerSolverTests", dependencies: ["PowerSolver", "DepotModel", "DepotConfig"], exclude: ["Fixtures"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "PolicyEngineTests", dependencies: ["PolicyEngine", "DepotModel", "DepotConfig"], exclude: ["Corpus"],
            swiftSettings: swiftSettings),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "DepotModel"], swiftSettings: swiftSettings),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Storage", "DepotModel"], swiftSettings: swiftSettings),
        .testTarget(
            name: "NotificationsTests",
            dependencies: [
                "Notifications", "DepotModel", "Storage", "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DepotRuntimeTests",
            dependencies: [
                "DepotRuntime", "DepotModel", "DepotConfig", "DepotSimulator", "BusbarServer", "PolicyEngine", "PowerSolver", "Storage", "OCPP",
                "Notifications", "TestSupport", "Reports", "VDV",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DepotSimulatorTests",
            dependencies: [
                "DepotSimulator", "DepotModel", "OCPP", "VDV", "BusbarServer", "DepotConfig", "Storage", "PowerSolver",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BusbarServerTests",
            dependencies: [
                "BusbarServer", "DepotModel", "TestSupport", "DepotConfig", "Storage", "OCPP", "PowerSolver", "DepotRuntime", "DepotSimulator",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BusbarCLITests", dependencies: ["DepotModel", "PolicyEngine", "Storage"], exclude: ["Fixtures"], swiftSettings: swiftSettings),
    ]
)

// The policy engine benchmark (bench/README.md), built only with BUSBAR_BENCH=1:
// BUSBAR_BENCH=1 swift run -c release PolicyBench
if ProcessInfo.processInfo.environment["BUSBAR_BENCH"] == "1" {
    package.targets.append(
        .executableTarget(
            name: "PolicyBench",
            dependencies: ["PolicyEngine", "DepotModel", "CLua", "CLuaSupport"],
            path: "bench/policy/Sources",
            swiftSettings: swiftSettings
        )
    )
}

// The solver benchmark (docs/solver.md §8), only when asked for, as Hummingbird gates its benchmarks.
if ProcessInfo.processInfo.environment["BUSBAR_BENCH"] == "1" {
    package.targets.append(
        .executableTarget(
            name: "SolverBench",
            dependencies: ["PowerSolver", "DepotModel", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "bench/solver/Sources/SolverBench",
            swiftSettings: swiftSettings
        )
    )
}

// The OCPP load benchmark's transport ceiling (bench/README.md, "OCPP server"), built only with BUSBAR_BENCH=1:
// BUSBAR_BENCH=1 swift build -c release --product OCPPEchoBench
if ProcessInfo.processInfo.environment["BUSBAR_BENCH"] == "1" {
    package.targets.append(
        .executableTarget(
            name: "OCPPEchoBench",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            ],
            path: "bench/ocpp/EchoServer",
            swiftSettings: swiftSettings
        )
    )
}
