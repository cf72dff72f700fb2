import DepotModel
import DepotRuntime
import Foundation
import ServiceLifecycle
import Synchronization

/// Samples a depot's site power and grid limit once a clock minute into a ``PowerHistory``,
/// for the live map's chart; a service beside the depot's control loop, so the runtime stays
/// unaware of the map.
final class PowerRecorder: Service, Sendable {
    let controller: DepotController
    let clock: any BusbarClock
    /// Clock time between samples.
    let interval: Duration
    private let history: Mutex<PowerHistory>

    /// - Parameters:
    ///   - interval: clock time between samples (a minute: a day fits the default capacity).
    ///   - capacity: how many samples are kept.
    init(controller: DepotController, clock: any BusbarClock, interval: Duration = .seconds(60), capacity: Int = 1440) {
        self.controller = controller
        self.clock = clock
        self.interval = interval
        self.history = Mutex(PowerHistory(capacity: capacity))
    }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await self.record()
                do { try await self.clock.sleep(for: self.interval) } catch { break }
            }
        }
    }

    /// Takes one sample now.
    func record() async {
        let snapshot = await controller.snapshot()
        let sample = PowerSample(at: snapshot.at, powerKw: snapshot.sitePowerKw, limitKw: snapshot.siteLimitKw)
        history.withLock { $0.append(sample) }
    }

    /// Every kept sample, oldest first.
    var samples: [PowerSample] {
        history.withLock { $0.samples }
    }

    /// The oldest kept sample.
    var first: PowerSample? {
        history.withLock { $0.first }
    }

    /// The kept samples taken after `instant`, oldest first.
    func samples(after instant: Date) -> [PowerSample] {
        history.withLock { $0.samples(after: instant) }
    }
}
