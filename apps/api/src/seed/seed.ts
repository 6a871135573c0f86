import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { CoreModule } from '../core.module.js';
import { AccountsService } from '../modules/accounts/accounts.service.js';
import { OrganisationEntity } from '../modules/accounts/organisation.entity.js';
import { UserEntity, UserRole } from '../modules/accounts/user.entity.js';
import { AnswersService } from '../modules/answers/answers.service.js';
import { CommunitiesService } from '../modules/communities/communities.service.js';
import { OrganisationsService } from '../modules/organisations/organisations.service.js';
import { PoliciesService } from '../modules/policies/policies.service.js';
import { QuestionsService } from '../modules/questions/questions.service.js';
import { confirmEmails } from '../modules/subscriptions/confirm-emails.js';
import type { Viewer } from '../common/request-context.js';
import {
  acceptedAnswerBody,
  DEMO_PASSWORD,
  demoAccounts,
  demoCommunity,
  demoModerators,
  demoOrganisationRoles,
  demoOrganisations,
  demoQuestion,
  secondAnswerBody,
  strategyAnswerBody,
  strategyQuestion,
} from './demo-content.js';

/**
 * Seeds the demo scenario once. The demo community is the marker: when it exists, the
 * demo has been seeded (or someone built their own forum around it) and nothing is added.
 */
export async function seedDemoData(config: AppConfig): Promise<string> {
  if (config.isProduction) return 'NODE_ENV=production: no demo data or demo accounts are created.';
  const app = await NestFactory.createApplicationContext(CoreModule.forRoot({ ...config, runMigrations: false }), { logger: ['error', 'warn'] });
  try {
    const db = app.get(DataSource);
    const communities = app.get(CommunitiesService);
    if (await communities.findBySlug(demoCommunity.slug)) return 'Demo data is already there.';

    await db.getRepository(OrganisationEntity).upsert(demoOrganisations, ['slug']);
    // The demo answers cite the bundled policies, so they must be published first.
    await app.get(PoliciesService).importBundledCorpus();
    const accounts = app.get(AccountsService);
    const viewers: Record<keyof typeof demoAccounts, Viewer> = {} as Record<keyof typeof demoAccounts, Viewer>;
    for (const [key, account] of Object.entries(demoAccounts) as [keyof typeof demoAccounts, (typeof demoAccounts)[keyof typeof demoAccounts]][]) {
      const existing = await db.getRepository(UserEntity).findOneBy({ email: account.email });
      const user = existing ?? (await accounts.signUp({ email: account.email, displayName: account.displayName, password: DEMO_PASSWORD }, UserRole[account.role])).user;
      viewers[key] = (await accounts.viewerForUser(user.id)) as Viewer;
      if (account.affiliations.length) {
        await accounts.setAffiliations(
          viewers[key],
          account.affiliations.map(([organisationSlug, role]) => ({ organisationSlug, role })),
        );
      }
    }

    // Granted through the service, as an admin would in the app, so each grant is on the record.
    const organisations = app.get(OrganisationsService);
    for (const grant of demoOrganisationRoles) {
      const userId = viewers[grant.account].id;
      await organisations.setRole(viewers[grant.grantedBy], { organisationSlug: grant.organisationSlug, userId, role: grant.role, reason: grant.reason });
      viewers[grant.account] = (await accounts.viewerForUser(userId)) as Viewer;
    }

    // Demo addresses are example.org and cannot click a link: count them as confirmed so they get digests.
    await confirmEmails(db, Object.values(viewers).map((v) => v.id));

    const community = await communities.create(viewers.admin, demoCommunity);
    for (const viewer of Object.values(viewers)) await communities.join(viewer, community.id);
    for (const key of demoModerators) {
      await communities.appointModerator(viewers.admin, { communityId: community.id, userId: viewers[key].id });
      viewers[key] = (await accounts.viewerForUser(viewers[key].id)) as Viewer;
    }

    const questions = app.get(QuestionsService);
    const answers = app.get(AnswersService);
    const strategy = await questions.ask(viewers.author, { communityId: community.id, ...strategyQuestion });
    await answers.answer(viewers.admin, { questionId: strategy.id, body: strategyAnswerBody });

    const question = await questions.ask(viewers.practitioner, { communityId: community.id, ...demoQuestion });
    const accepted = await answers.answer(viewers.author, { questionId: question.id, body: acceptedAnswerBody });
    await answers.answer(viewers.admin, { questionId: question.id, body: secondAnswerBody });
    await answers.accept(viewers.practitioner, accepted.id);

    return `Seeded the demo: ${demoCommunity.title}, 2 questions, 3 answers. Demo accounts: ${Object.values(demoAccounts)
      .map((a) => a.email)
      .join(', ')} (password ${DEMO_PASSWORD}).`;
  } finally {
    await app.close();
  }
}
