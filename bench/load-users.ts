/**
 * "50 brugere": a closed-loop user model. Every virtual user has its own keep-alive connection, sends a request,
 * waits for the answer, then thinks for a random time (exponential, mean `thinkMs`) before the next one. Starts are
 * staggered over one think time so users do not fire in lock-step (autocannon's `connectionRate` fires every
 * connection at the same tick each second, a burst of 50 that no group of people produces).
 */
import http from "node:http";

export interface BenchRequest {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export async function driveUsers(
  port: number,
  make: () => BenchRequest,
  users: number,
  seconds: number,
  thinkMs: number,
): Promise<{ times: number[]; errors: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: users });
  const times: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const think = () => Math.min(-Math.log(1 - Math.random()) * thinkMs, thinkMs * 5);
  const user = async () => {
    await sleep(Math.random() * thinkMs);
    while (performance.now() < until) {
      const r = make();
      const t0 = performance.now();
      try {
        const status = await send(agent, port, r);
        if (status >= 400) errors++;
      } catch {
        errors++;
      }
      times.push(performance.now() - t0);
      await sleep(think());
    }
  };
  await Promise.all(Array.from({ length: users }, user));
  agent.destroy();
  return { times, errors };
}

function send(agent: http.Agent, port: number, r: BenchRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method: r.method,
        path: r.path,
        headers: r.body ? { ...r.headers, "content-length": String(Buffer.byteLength(r.body)) } : r.headers,
        agent,
      },
      (res) => {
        res.on("data", () => {});
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    if (r.body) req.end(r.body);
    else req.end();
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
