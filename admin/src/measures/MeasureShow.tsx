// A group measure's page: its facts and shared plan, the figures (what coordinators see), and for counsellors the
// roster with each person's stage, completed modules and hours and exam, where they add people, let them leave and
// take a step for everyone or a selection as one job whose progress shows here.
import { useState } from 'react';
import {
  AutocompleteArrayInput,
  DateInput,
  EditButton,
  Link,
  ReferenceArrayInput,
  Show,
  TextInput,
  TopToolbar,
  useRecordContext,
  useShowContext,
  useTranslate,
  usePermissions,
} from 'react-admin';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Grid,
  LinearProgress,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { JoinInput, LeaveInput, type MeasureView, type RosterRow, type StepInput } from '#shared/measures/schema.ts';
import { seesCases } from '../auth/permissions.ts';
import { useCommand, useDownload } from '../data/commands.ts';
import { formatDate } from '../format.ts';
import { JobsPanel } from '../jobs/JobsPanel.tsx';
import { CommandDialog } from '../cases/commands.tsx';
import { admissionChoices, moduleKindChoices, resultChoices, stepChoices } from './choices.ts';

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
const shown = (v: number | '<3' | null, suffix = '') => (v === null ? '–' : v === '<3' ? '<3' : `${v.toLocaleString('de-DE')}${suffix}`);

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="body2">{value}</Typography>
    </Box>
  );
}

function Figures({ m }: { m: MeasureView }) {
  const t = useTranslate();
  const f = m.figures;
  const tiles: [string, string][] = [
    [t('amon.measures.figures.joined'), shown(f.joined)],
    [t('amon.measures.figures.active'), shown(f.active)],
    [t('amon.measures.figures.left'), shown(f.left)],
    [t('amon.measures.figures.retention'), shown(f.retentionPercent, ' %')],
    [t('amon.measures.figures.passed'), shown(f.passed)],
    [t('amon.measures.figures.pass_rate'), shown(f.passRatePercent, ' %')],
    [t('amon.measures.figures.women', { target: m.womenTargetPercent }), shown(f.womenPercent, ' %')],
    [t('amon.measures.figures.migration'), shown(f.migrationPercent, ' %')],
    [t('amon.measures.figures.modules'), shown(f.modulesCompleted)],
    [t('amon.measures.figures.hours'), shown(f.hoursCompleted)],
  ];
  return (
    <Box component="section" aria-labelledby="figures-title" sx={{ my: 2 }}>
      <Typography id="figures-title" variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        {t('amon.measures.figures.title')}
      </Typography>
      <Grid container spacing={2} sx={{ my: 1 }}>
        {tiles.map(([label, value]) => (
          <Grid key={label} size={{ xs: 6, sm: 4, md: 2.4 }}>
            <Card variant="outlined">
              <CardContent>
                <Typography variant="h5" component="p">
                  {value}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {label}
                </Typography>
              </CardContent>
            </Card>
          </Grid>
        ))}
      </Grid>
      <Typography variant="caption" color="text.secondary">
        {t('amon.measures.figures.suppression')}
      </Typography>
    </Box>
  );
}

/** A step for the selection (or everyone still in), sent as one job. */
function StepDialog({ m, selected }: { m: MeasureView; selected: string[] }) {
  const t = useTranslate();
  const send = useCommand();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<StepInput['kind']>('module_completed');
  const [moduleId, setModuleId] = useState(m.modules[0]?.id ?? '');
  const [date, setDate] = useState(today());
  const [admission, setAdmission] = useState('admitted');
  const [result, setResult] = useState('passed');
  const target = selected.length ? t('amon.measures.step_selected', { smart_count: selected.length }) : t('amon.measures.step_everyone');
  const submit = async () => {
    const caseIds = selected.length ? { caseIds: selected } : {};
    const body =
      kind === 'module_completed'
        ? { kind, moduleId, certificateDate: date, ...caseIds }
        : kind === 'exam_registered'
          ? { kind, applicationDate: date, ...caseIds }
          : kind === 'admission'
            ? { kind, admission, admissionDate: date, ...caseIds }
            : { kind, finalResult: result, finalDate: date, ...caseIds };
    const out = await send<{ total: number }>('POST', `/api/measures/${m.id}/steps`, body, (r) => t('amon.measures.step_started', { smart_count: r.total }));
    if (out.ok) setOpen(false);
  };
  return (
    <>
      <Button size="small" variant="contained" onClick={() => setOpen(true)} disabled={!m.active}>
        {t('amon.measures.step')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby="step-title">
        <DialogTitle id="step-title">{t('amon.measures.step')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <Typography variant="body2">{target}</Typography>
            <TextField select label={t('amon.measures.step_kind')} value={kind} onChange={(e) => setKind(e.target.value as StepInput['kind'])}>
              {stepChoices.map((c) => (
                <MenuItem key={c.id} value={c.id}>
                  {t(c.name)}
                </MenuItem>
              ))}
            </TextField>
            {kind === 'module_completed' && (
              <TextField select label={t('amon.measures.step_module')} value={moduleId} onChange={(e) => setModuleId(e.target.value)}>
                {m.modules.map((mm) => (
                  <MenuItem key={mm.id} value={mm.id}>
                    {mm.title}
                  </MenuItem>
                ))}
              </TextField>
            )}
            {kind === 'admission' && (
              <TextField select label={t('amon.measures.step_admission')} value={admission} onChange={(e) => setAdmission(e.target.value)}>
                {admissionChoices.map((c) => (
                  <MenuItem key={c.id} value={c.id}>
                    {t(c.name)}
                  </MenuItem>
                ))}
              </TextField>
            )}
            {kind === 'result' && (
              <TextField select label={t('amon.measures.step_result')} value={result} onChange={(e) => setResult(e.target.value)}>
                {resultChoices.map((c) => (
                  <MenuItem key={c.id} value={c.id}>
                    {t(c.name)}
                  </MenuItem>
                ))}
              </TextField>
            )}
            <TextField
              type="date"
              label={t(`amon.measures.step_date.${kind}`)}
              value={date}
              onChange={(e) => setDate(e.target.value)}
              slotProps={{ inputLabel: { shrink: true } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{t('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={() => void submit()}>
            {t('amon.measures.step_start')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

function examLine(r: RosterRow, t: ReturnType<typeof useTranslate>) {
  if (r.finalResult) return t(`amon.measures.results.${r.finalResult}`);
  if (r.admission && r.admission !== 'pending') return t(`amon.measures.admissions.${r.admission}`);
  if (r.applicationDate) return t('amon.measures.registered', { date: formatDate(r.applicationDate) });
  return '–';
}

function Roster({ m }: { m: MeasureView }) {
  const t = useTranslate();
  const [selected, setSelected] = useState<string[]>([]);
  const roster = m.roster ?? [];
  const active = roster.filter((r) => !r.leftOn);
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  return (
    <Box component="section" aria-labelledby="roster-title" sx={{ my: 2 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Typography id="roster-title" variant="subtitle1" component="h2" sx={{ fontWeight: 600, flexGrow: 1 }}>
          {t('amon.measures.roster', { smart_count: roster.length })}
        </Typography>
        <CommandDialog
          label="amon.measures.join"
          schema={JoinInput}
          method="POST"
          path={`/api/measures/${m.id}/participants`}
          defaultValues={{ joinedOn: today(), caseIds: [] }}
        >
          <ReferenceArrayInput source="caseIds" reference="cases">
            <AutocompleteArrayInput
              optionText={(c: { firstName: string; lastName: string; number: string }) => `${c.firstName} ${c.lastName} (${c.number})`}
              filterToQuery={(q: string) => ({ q })}
              label="amon.measures.join_cases"
              fullWidth
            />
          </ReferenceArrayInput>
          <DateInput source="joinedOn" label="amon.measures.joined_on" />
        </CommandDialog>
        <StepDialog m={m} selected={selected} />
      </Stack>
      {roster.length === 0 ? (
        <Typography variant="body2">{t('amon.measures.roster_empty')}</Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-labelledby="roster-title">
            <TableHead>
              <TableRow>
                <TableCell padding="checkbox">
                  <Checkbox
                    checked={selected.length > 0 && selected.length === active.length}
                    indeterminate={selected.length > 0 && selected.length < active.length}
                    onChange={() => setSelected(selected.length === active.length ? [] : active.map((r) => r.caseId))}
                    slotProps={{ input: { 'aria-label': t('amon.measures.select_all') } }}
                  />
                </TableCell>
                <TableCell>{t('amon.measures.columns.name')}</TableCell>
                <TableCell>{t('amon.measures.columns.stage')}</TableCell>
                <TableCell align="right">{t('amon.measures.columns.modules')}</TableCell>
                <TableCell align="right">{t('amon.measures.columns.hours')}</TableCell>
                <TableCell>{t('amon.measures.columns.exam')}</TableCell>
                <TableCell>{t('amon.measures.columns.since')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {roster.map((r) => (
                <TableRow key={r.caseId} selected={selected.includes(r.caseId)}>
                  <TableCell padding="checkbox">
                    <Checkbox
                      checked={selected.includes(r.caseId)}
                      disabled={Boolean(r.leftOn)}
                      onChange={() => toggle(r.caseId)}
                      slotProps={{ input: { 'aria-label': t('amon.measures.select', { name: r.name }) } }}
                    />
                  </TableCell>
                  <TableCell>
                    <Link to={`/cases/${r.caseId}/show/plan`}>{r.name}</Link>{' '}
                    <Typography variant="caption" color="text.secondary">
                      {r.number}
                    </Typography>
                  </TableCell>
                  <TableCell>{t(`amon.case_status.${r.status}`)}</TableCell>
                  <TableCell align="right">{t('amon.measures.of', { done: r.modulesCompleted, total: r.modulesTotal })}</TableCell>
                  <TableCell align="right">{r.hoursCompleted}</TableCell>
                  <TableCell>{examLine(r, t)}</TableCell>
                  <TableCell>
                    {r.leftOn
                      ? t('amon.measures.left_on', { date: formatDate(r.leftOn), reason: r.leftReason ?? '' })
                      : t('amon.measures.joined', { date: formatDate(r.joinedOn) })}
                  </TableCell>
                  <TableCell>
                    {!r.leftOn && m.state !== 'finished' && (
                      <CommandDialog
                        label="amon.measures.leave"
                        schema={LeaveInput}
                        method="POST"
                        path={`/api/measures/${m.id}/participants/${r.caseId}/leave`}
                        defaultValues={{ leftOn: today() }}
                      >
                        <Typography variant="body2" sx={{ mb: 1 }}>
                          {t('amon.measures.leave_help', { name: r.name })}
                        </Typography>
                        <DateInput source="leftOn" label="amon.measures.left_on_label" />
                        <TextInput source="reason" label="amon.measures.leave_reason" fullWidth />
                      </CommandDialog>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Box>
  );
}

/** The evaluation sheet for publication: aggregates only, as PDF and as Excel. */
function Evaluation({ m }: { m: MeasureView }) {
  const t = useTranslate();
  const download = useDownload();
  const name = `Auswertung-${m.startDate.slice(0, 7)}-${m.id.slice(-6)}`;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <Typography variant="body2">{t('amon.measures.evaluation')}</Typography>
      <Button size="small" variant="outlined" onClick={() => void download(`/api/measures/${m.id}/evaluation/pdf`, `${name}.pdf`)}>
        {t('amon.measures.evaluation_pdf')}
      </Button>
      <Button size="small" variant="outlined" onClick={() => void download(`/api/measures/${m.id}/evaluation/xlsx`, `${name}.xlsx`)}>
        {t('amon.measures.evaluation_xlsx')}
      </Button>
    </Stack>
  );
}

function MeasurePage() {
  const { record: m } = useShowContext<MeasureView>();
  const { permissions } = usePermissions<string[]>();
  const t = useTranslate();
  // The list's record shows first (without figures) until the measure itself is read.
  if (!m?.figures) return <LinearProgress aria-label={t('amon.measures.loading')} sx={{ m: 2 }} />;
  const kind = (k: string) => t(moduleKindChoices.find((c) => c.id === k)?.name ?? k);
  return (
    <CardContent>
      <Typography variant="h5" component="h1">
        {m.title}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t(`amon.measures.states.${m.state}`)} · {formatDate(m.startDate)} – {formatDate(m.endDate)}
      </Typography>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, sm: 6, md: 3 }}>
          <Fact label={t('resources.measures.fields.targetOccupationId')} value={`${m.targetOccupation.title} (${m.targetOccupation.code})`} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 3 }}>
          <Fact label={t('resources.measures.fields.companyId')} value={m.companyName} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 3 }}>
          <Fact label={t('resources.measures.fields.providerMemberId')} value={m.providerName} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 3 }}>
          <Fact label={t('resources.measures.fields.examDate')} value={m.examDate ? `${formatDate(m.examDate)}${m.chamber ? `, ${m.chamber}` : ''}` : '–'} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 3 }}>
          <Fact
            label={t('resources.measures.fields.plannedPlaces')}
            value={t('amon.measures.places', { active: shown(m.figures.active), planned: m.plannedPlaces })}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 3 }}>
          <Fact label={t('resources.measures.fields.womenTargetPercent')} value={`${m.womenTargetPercent} %`} />
        </Grid>
      </Grid>
      {m.description && (
        <Typography variant="body2" sx={{ mt: 2 }}>
          {m.description}
        </Typography>
      )}
      <Figures m={m} />
      <Evaluation m={m} />
      <Box component="section" aria-labelledby="plan-title" sx={{ my: 2 }}>
        <Typography id="plan-title" variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {t('resources.measures.sections.plan')}
        </Typography>
        <Table size="small" aria-labelledby="plan-title">
          <TableHead>
            <TableRow>
              <TableCell>{t('resources.measures.fields.module_title')}</TableCell>
              <TableCell>{t('resources.measures.fields.module_kind')}</TableCell>
              <TableCell>{t('resources.measures.fields.startDate')}</TableCell>
              <TableCell>{t('resources.measures.fields.endDate')}</TableCell>
              <TableCell align="right">{t('resources.measures.fields.hours')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {m.modules.map((mm) => (
              <TableRow key={mm.id}>
                <TableCell>{mm.title}</TableCell>
                <TableCell>{kind(mm.kind)}</TableCell>
                <TableCell>{formatDate(mm.startDate)}</TableCell>
                <TableCell>{formatDate(mm.endDate)}</TableCell>
                <TableCell align="right">{mm.hours}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      {seesCases(permissions) ? (
        <>
          <JobsPanel subject={{ type: 'measure', id: m.id }} />
          <Roster m={m} />
        </>
      ) : (
        <Alert severity="info">{t('amon.measures.no_roster')}</Alert>
      )}
    </CardContent>
  );
}

function Actions() {
  const { permissions } = usePermissions<string[]>();
  const record = useRecordContext();
  return <TopToolbar>{seesCases(permissions) && record && <EditButton />}</TopToolbar>;
}

export default function MeasureShow() {
  return (
    <Show actions={<Actions />}>
      <MeasurePage />
    </Show>
  );
}
