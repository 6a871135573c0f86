import { fireEvent, render, screen } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { GraphQLError } from 'graphql';
import { MemoryRouter } from 'react-router';
import { signUpMutation } from './graphql/sign-up.mutation';
import { SignUpForm } from './sign-up-form';

const refused: MockLink.MockedResponse = {
  request: { query: signUpMutation, variables: { input: { email: 'taken@example.org', displayName: 'Sam', password: 'long enough password' } } },
  result: { errors: [new GraphQLError('An account with this address already exists.', { extensions: { code: 'BAD_USER_INPUT', field: 'email' } })] },
};

describe('signing up', () => {
  it('shows the password rule before it is broken, and takes a field error away once the field is changed', async () => {
    render(
      <MockedProvider mocks={[refused]}>
        <MemoryRouter>
          <SignUpForm returnTo={null} />
        </MemoryRouter>
      </MockedProvider>,
    );
    expect(screen.getByTestId('password-rule').textContent).toBe('At least 10 characters.');
    const password = screen.getByLabelText(/^Password/);
    expect(password.getAttribute('aria-describedby')).toContain('sign-up-password-rule');
    fireEvent.change(password, { target: { value: 'short' } });
    expect(screen.getByTestId('password-rule').textContent).toBe('At least 10 characters: 5 more.');
    fireEvent.change(password, { target: { value: 'long enough password' } });
    expect(screen.getByTestId('password-rule').getAttribute('data-met')).toBe('true');

    fireEvent.change(screen.getByLabelText(/^Email/), { target: { value: 'taken@example.org' } });
    fireEvent.change(screen.getByLabelText(/^Display name/), { target: { value: 'Sam' } });
    fireEvent.click(screen.getByTestId('sign-up-submit'));
    await screen.findByText('An account with this address already exists.');
    fireEvent.change(screen.getByLabelText(/^Email/), { target: { value: 'sam@example.org' } });
    expect(screen.queryByText('An account with this address already exists.')).toBeNull();
  });
});
