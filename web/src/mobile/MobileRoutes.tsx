import { Navigate, Route, Routes } from 'react-router-dom';
import { InboxCountProvider } from './inboxCount';
import { MyVolunteerProvider } from './myVolunteer';
import { ActivitiesPage } from './pages/activities/ActivitiesPage';
import { ActivityPage } from './pages/activities/ActivityPage';
import { LeaderActivityPage } from './pages/activities/LeaderActivityPage';
import { LeaderQrPage } from './pages/activities/LeaderQrPage';
import { CallupPage } from './pages/callups/CallupPage';
import { CallupsPage } from './pages/callups/CallupsPage';
import { CarePage } from './pages/care/CarePage';
import { CertificatesPage } from './pages/certificates/CertificatesPage';
import { HomePage } from './pages/HomePage';
import { HoursPage } from './pages/hours/HoursPage';
import { InboxPage } from './pages/inbox/InboxPage';
import { LoginPage } from './pages/LoginPage';
import { MePage } from './pages/MePage';
import { OrderFormPage } from './pages/orders/OrderFormPage';
import { OrderPage } from './pages/orders/OrderPage';
import { OrdersPage } from './pages/orders/OrdersPage';
import { PortalPage } from './pages/orders/PortalPage';
import { MyDataPage } from './pages/privacy/MyDataPage';
import { RegisterPage } from './pages/register/RegisterPage';
import { TeamPage } from './pages/teams/TeamPage';
import { TeamsPage } from './pages/teams/TeamsPage';
import { CoursePage } from './pages/training/CoursePage';
import { TrainingPage } from './pages/training/TrainingPage';
import { PostWishPage } from './pages/wishes/PostWishPage';
import { WishesPage } from './pages/wishes/WishesPage';
import { WishPage } from './pages/wishes/WishPage';
import { RequireSignIn } from './RequireSignIn';
import { TabLayout } from './TabLayout';

export function MobileRoutes() {
  return (
    <MyVolunteerProvider>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/register" element={<RegisterPage />} />
        <Route path="/portal/:id" element={<PortalPage />} />
        <Route element={<RequireSignIn />}>
          {/* The leader's check-in screen: the QR code alone, without the tab bar. */}
          <Route path="/activities/:id/lead/qr" element={<LeaderQrPage />} />
          <Route element={<InboxCountProvider><TabLayout /></InboxCountProvider>}>
            <Route index element={<HomePage />} />
            <Route path="/activities" element={<ActivitiesPage />} />
            <Route path="/activities/:id" element={<ActivityPage />} />
            <Route path="/activities/:id/lead" element={<LeaderActivityPage />} />
            <Route path="/teams" element={<TeamsPage />} />
            <Route path="/teams/:id" element={<TeamPage />} />
            <Route path="/inbox" element={<InboxPage />} />
            <Route path="/me" element={<MePage />} />
            <Route path="/hours" element={<HoursPage />} />
            <Route path="/certificates" element={<CertificatesPage />} />
            <Route path="/privacy" element={<MyDataPage />} />
            <Route path="/care" element={<CarePage />} />
            <Route path="/training" element={<TrainingPage />} />
            <Route path="/training/:id" element={<CoursePage />} />
            <Route path="/callups" element={<CallupsPage />} />
            <Route path="/callups/:id" element={<CallupPage />} />
            <Route path="/wishes" element={<WishesPage />} />
            <Route path="/wishes/new" element={<PostWishPage />} />
            <Route path="/wishes/:id" element={<WishPage />} />
            <Route path="/orders" element={<OrdersPage />} />
            <Route path="/orders/new" element={<OrderFormPage />} />
            <Route path="/orders/:id" element={<OrderPage />} />
          </Route>
        </Route>
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </MyVolunteerProvider>
  );
}
