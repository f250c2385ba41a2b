import type { CustomerDetailDto } from '@ascolta/contracts';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../api/api-context.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ErrorState } from '../ui/ErrorState.tsx';

type Suggestion = CustomerDetailDto['linkSuggestions'][number];

/** Merges a suggested customer into this one, or dismisses the suggestion; both refresh the customer and tickets. */
const useLinkActions = (customerId: string) => {
  const api = useApi();
  const queryClient = useQueryClient();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['customers'] });
    await queryClient.invalidateQueries({ queryKey: ['tickets'] });
  };
  return {
    // The other customer folds into the one on screen, so the ticket being read keeps its customer.
    merge: useMutation({
      mutationFn: (otherId: string) =>
        api.send<unknown>('POST', `/api/v1/customers/${encodeURIComponent(otherId)}/merge`, {
          intoCustomerId: customerId,
        }),
      onSuccess: refresh,
    }),
    dismiss: useMutation({
      mutationFn: (otherId: string) =>
        api.send<unknown>('POST', `/api/v1/customers/${encodeURIComponent(customerId)}/link-suggestions/dismiss`, {
          customerId: otherId,
        }),
      onSuccess: refresh,
    }),
  };
};

/**
 * "May be the same customer as …": the pipeline's uncertain links, with their evidence, for a person to settle.
 * Merge asks once more in place (supervisors only); dismiss hides the pair for good.
 */
export const LinkSuggestions = ({ customer, canMerge }: { customer: CustomerDetailDto; canMerge: boolean }) => {
  const { t } = useI18n();
  const actions = useLinkActions(customer.id);
  const [confirming, setConfirming] = useState<string | null>(null);
  if (customer.linkSuggestions.length === 0) return null;
  const failure = actions.merge.error ?? actions.dismiss.error;
  const row = (suggestion: Suggestion) => (
    <Paper key={suggestion.customerId} withBorder p={6} data-testid="link-suggestion">
      <Text size="xs" fw={600}>
        {t('customer.maybeSame', { name: suggestion.displayName })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('customer.evidence', { evidence: suggestion.evidence })}
      </Text>
      {confirming === suggestion.customerId && (
        <Text size="xs" c="dimmed">
          {t('customer.mergeHint')}
        </Text>
      )}
      <Group gap={4} mt={4}>
        {canMerge && confirming !== suggestion.customerId && (
          <Button size="compact-xs" variant="light" onClick={() => setConfirming(suggestion.customerId)}>
            {t('customer.merge')}
          </Button>
        )}
        {canMerge && confirming === suggestion.customerId && (
          <>
            <Button
              size="compact-xs"
              color="red"
              loading={actions.merge.isPending}
              onClick={() => actions.merge.mutate(suggestion.customerId, { onSettled: () => setConfirming(null) })}
            >
              {t('customer.confirmMerge')}
            </Button>
            <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setConfirming(null)}>
              {t('customer.cancel')}
            </Button>
          </>
        )}
        <Button
          size="compact-xs"
          variant="subtle"
          color="gray"
          loading={actions.dismiss.isPending && actions.dismiss.variables === suggestion.customerId}
          onClick={() => actions.dismiss.mutate(suggestion.customerId)}
        >
          {t('customer.dismiss')}
        </Button>
      </Group>
    </Paper>
  );
  return (
    <Stack gap={4} data-testid="link-suggestions">
      <Title order={6}>{t('customer.linkSuggestions')}</Title>
      {customer.linkSuggestions.map(row)}
      {failure !== null && <ErrorState error={failure} what="what.customer" />}
    </Stack>
  );
};
