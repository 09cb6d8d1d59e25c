// Demand beside supply: per occupation group the open needs of the companies beside the current offers, gaps first,
// each linked to the offers of the group. Staff see it; it holds companies' needs as counts only.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Title, useDataProvider, useTranslate } from 'react-admin';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  CircularProgress,
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
import type { DemandSupply } from '#shared/offers/demand.ts';
import type { AmonDataProvider } from '../data/dataProvider.ts';
import { formatDate } from '../format.ts';
import { districtChoices } from './choices.ts';

export default function DemandSupplyPage() {
  const dataProvider = useDataProvider<AmonDataProvider>();
  const t = useTranslate();
  const [district, setDistrict] = useState('');
  const { data, isPending, isError, error, refetch } = useQuery({
    queryKey: ['offers-demand', district],
    queryFn: () => dataProvider.send<DemandSupply>('GET', `/api/offers/demand${district ? `?${new URLSearchParams({ district })}` : ''}`),
  });
  const offersOf = (group: string) => `#/offers?${new URLSearchParams({ filter: JSON.stringify({ occupation: group, ...(district ? { district } : {}) }) })}`;
  const gaps = data?.groups.filter((g) => g.gap === 'no_offer').length ?? 0;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={t('amon.demand.title')} />
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="body2">{t('amon.demand.intro')}</Typography>
          <TextField
            select
            label={t('resources.offers.fields.district')}
            value={district}
            onChange={(e) => setDistrict(e.target.value)}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
            sx={{ maxWidth: 360 }}
          >
            <MenuItem value="">{t('amon.demand.all_districts')}</MenuItem>
            {districtChoices.map((c) => (
              <MenuItem key={c.id} value={c.id}>
                {t(c.name)}
              </MenuItem>
            ))}
          </TextField>
          {isPending && <CircularProgress aria-label={t('amon.demand.loading')} />}
          {isError && (
            <Alert
              severity="error"
              action={
                <Button color="inherit" size="small" onClick={() => void refetch()}>
                  {t('amon.demand.retry')}
                </Button>
              }
            >
              {error.message}
            </Alert>
          )}
          {data && (
            <>
              <Typography variant="body2">
                {t('amon.demand.as_of', { date: formatDate(data.asOf) })} {gaps ? t('amon.demand.gaps', { smart_count: gaps }) : t('amon.demand.no_gaps')}
              </Typography>
              {data.groups.length === 0 ? (
                <Alert severity="info">{t('amon.demand.empty')}</Alert>
              ) : (
                <Box sx={{ overflowX: 'auto' }}>
                  <Table size="small" aria-label={t('amon.demand.title')}>
                    <TableHead>
                      <TableRow>
                        <TableCell>{t('amon.demand.group')}</TableCell>
                        <TableCell align="right">{t('amon.demand.needs')}</TableCell>
                        <TableCell align="right">{t('amon.demand.headcount')}</TableCell>
                        <TableCell align="right">{t('amon.demand.companies')}</TableCell>
                        <TableCell align="right">{t('amon.demand.offers')}</TableCell>
                        <TableCell align="right">{t('amon.demand.places')}</TableCell>
                        <TableCell>{t('amon.demand.state')}</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {data.groups.map((g) => (
                        <TableRow key={g.group}>
                          <TableCell>
                            {g.title} ({g.group})
                          </TableCell>
                          <TableCell align="right">{g.needs}</TableCell>
                          <TableCell align="right">{g.headcount}</TableCell>
                          <TableCell align="right">{g.companies}</TableCell>
                          <TableCell align="right">{g.offers > 0 ? <a href={offersOf(g.group)}>{g.offers}</a> : 0}</TableCell>
                          <TableCell align="right">{g.places}</TableCell>
                          <TableCell>
                            {g.gap ? (
                              <Chip size="small" color={g.gap === 'no_offer' ? 'warning' : 'info'} label={t(`amon.demand.gap.${g.gap}`)} />
                            ) : (
                              t('amon.demand.covered')
                            )}
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </Box>
              )}
            </>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}
