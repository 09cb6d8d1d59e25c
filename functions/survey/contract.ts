// The public operations of the hosted survey form: the token travels in "Authorization: Survey <token>", never in the URL.
import { AnswersBody, SurveyForm } from '#shared/surveys/schema.ts';
import { contract } from '../http/route.ts';

/** A company's answers are small; anything bigger is refused before parsing. */
export const SURVEY_BODY_LIMIT = 32 * 1024;

export const surveyContract = contract('survey', {
  load: {
    route: 'GET /api/survey',
    roles: 'public',
    credential: 'surveyToken',
    response: SurveyForm,
    summary: 'Die Umfrage zum persönlichen Link öffnen (Token im Authorization-Header)',
  },
  draft: {
    route: 'PUT /api/survey/draft',
    roles: 'public',
    credential: 'surveyToken',
    body: AnswersBody,
    response: SurveyForm,
    maxBodyBytes: SURVEY_BODY_LIMIT,
    summary: 'Einen Entwurf speichern',
  },
  submit: {
    route: 'POST /api/survey/response',
    roles: 'public',
    credential: 'surveyToken',
    body: AnswersBody,
    response: SurveyForm,
    maxBodyBytes: SURVEY_BODY_LIMIT,
    summary: 'Antworten absenden (bis zum Ende der Befragung änderbar)',
  },
});
