import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { signInErrorText } from './sign-in-error.ts';
import { useSignIn } from './use-session.ts';

export const SignInPage = () => {
  const { t } = useI18n();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = email.trim();
    setMissing(trimmed === '' || password === '');
    if (trimmed !== '' && password !== '') signIn.mutate({ email: trimmed, password });
  };

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper component="form" onSubmit={submit} w={380} p="xl" radius="md" withBorder shadow="sm" noValidate>
        <Stack>
          <div>
            <Title order={2}>{t('signIn.title')}</Title>
            <Text c="dimmed" size="sm">
              {t('signIn.subtitle')}
            </Text>
          </div>
          <TextInput
            label={t('signIn.email')}
            type="email"
            autoComplete="username"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            autoFocus
            name="email"
          />
          <PasswordInput
            label={t('signIn.password')}
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            name="password"
          />
          {(missing || signIn.isError) && (
            <Alert color="red" role="alert" data-testid="sign-in-error">
              {missing ? t('signIn.required') : signInErrorText(signIn.error, t)}
            </Alert>
          )}
          <Button type="submit" loading={signIn.isPending} fullWidth>
            {t('signIn.submit')}
          </Button>
          <LanguageSwitch />
        </Stack>
      </Paper>
    </Center>
  );
};
