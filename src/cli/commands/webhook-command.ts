/** `linkwright webhook add|list|remove`: where placement alerts are POSTed. */
import { Command } from 'commander';
import { systemClock } from '../../app/system-clock.js';
import { classifyIpAddress } from '../../core/net/ip-address.js';
import { validateWebhookUrl } from '../../fetch/webhook-sender.js';
import { addWebhook, listWebhooks, removeWebhook } from '../../store/webhooks-repository.js';
import { CliExit, type CliIo, EXIT } from '../cli-io.js';
import { renderTable } from '../format/table.js';
import { DB_OPTION, withStore } from '../outreach-shell.js';

export function webhookCommand(io: CliIo): Command {
  const command = new Command('webhook').description('Manage the URLs that receive placement alerts (JSON POST on every change of state)');
  command
    .command('add')
    .description('Add one or more webhook URLs')
    .argument('<urls...>', 'http(s) URLs that accept a JSON POST')
    .option('--allow-private', 'accept a loopback/private address (your own receiver; monitor needs --allow-private too)')
    .option(...DB_OPTION)
    .action(async (raws: string[], flags: { allowPrivate?: boolean; db?: string }) => {
      const urls: URL[] = [];
      for (const raw of raws) {
        let url: URL;
        try {
          url = validateWebhookUrl(raw);
        } catch (error) {
          throw new CliExit(EXIT.usage, (error as Error).message);
        }
        const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
        const ip = classifyIpAddress(host);
        if ((ip?.blocked === true || host === 'localhost') && !flags.allowPrivate) {
          throw new CliExit(
            EXIT.usage,
            `${url.host} is a ${ip?.range ?? 'loopback'} address: add --allow-private if the receiver is yours (SSRF guard)`,
          );
        }
        urls.push(url);
      }
      await withStore(io, flags.db, async (store) => {
        for (const url of urls) {
          const out = await addWebhook(store.db, url.href, new Date(systemClock.now()).toISOString());
          io.stdout.write(`${out.created ? 'added' : 'already configured'}: webhook ${out.id} ${url.href}\n`);
        }
      });
    });
  command
    .command('list')
    .description('List the webhook URLs')
    .option('--json', 'print JSON')
    .option(...DB_OPTION)
    .action(async (flags: { json?: boolean; db?: string }) => {
      await withStore(io, flags.db, async (store) => {
        const hooks = await listWebhooks(store.db);
        if (flags.json) io.stdout.write(`${JSON.stringify({ webhooks: hooks }, null, 2)}\n`);
        else if (hooks.length === 0) io.stdout.write('no webhooks (add one with `linkwright webhook add <url>`)\n');
        else
          io.stdout.write(
            `${renderTable(hooks, [
              { header: 'id', value: (h) => String(h.id) },
              { header: 'url', value: (h) => h.url, max: 80 },
              { header: 'added', value: (h) => h.createdAt.slice(0, 10) },
            ])}\n`,
          );
      });
    });
  command
    .command('remove')
    .description('Remove a webhook by id or URL')
    .argument('<id|url>', 'as listed by `linkwright webhook list`')
    .option(...DB_OPTION)
    .action(async (ref: string, flags: { db?: string }) => {
      await withStore(io, flags.db, async (store) => {
        const removed = await removeWebhook(store.db, /^\d+$/.test(ref) ? Number(ref) : ref);
        if (!removed) throw new CliExit(EXIT.usage, `no webhook ${ref}`);
        io.stdout.write(`removed webhook ${ref}\n`);
      });
    });
  return command;
}
