import { Navigate, Route, Routes } from 'react-router-dom';
import { ConsoleLayout } from './layout/ConsoleLayout';
import { ActivitiesPage } from './pages/activities/ActivitiesPage';
import { ActivityPage } from './pages/activities/ActivityPage';
import { AuditPage } from './pages/audit/AuditPage';
import { CheckInQrPage } from './pages/activities/CheckInQrPage';
import { CallupBoardPage } from './pages/callups/CallupBoardPage';
import { CallupsPage } from './pages/callups/CallupsPage';
import { CampaignsPage } from './pages/campaigns/CampaignsPage';
import { CarePage } from './pages/care/CarePage';
import { CertificatesPage } from './pages/certificates/CertificatesPage';
import { HoursPage } from './pages/hours/HoursPage';
import { ImportsPage } from './pages/imports/ImportsPage';
import { InboxPage } from './pages/inbox/InboxPage';
import { LoginPage } from './pages/login/LoginPage';
import { MenuPage } from './pages/menu/MenuPage';
import { NetworkPage } from './pages/network/NetworkPage';
import { DispatchBoardPage } from './pages/orders/DispatchBoardPage';
import { OrganizationsPage } from './pages/organizations/OrganizationsPage';
import { ProjectsPage } from './pages/projects/ProjectsPage';
import { StaffPage } from './pages/staff/StaffPage';
import { LazyStatsPage, LazyStatsReportPage, LazyStatsScreenPage } from './pages/stats/lazy';
import { TrainingPage } from './pages/training/TrainingPage';
import { VolunteersPage } from './pages/volunteers/VolunteersPage';
import { WishesPage } from './pages/wishes/WishesPage';
import { RequireStaff } from './RequireStaff';

export function ConsoleRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireStaff />}>
        {/* The leader's QR screen fills the window, without the console around it. */}
        <Route path="/activities/:id/qr" element={<CheckInQrPage />} />
        <Route path="/stats/screen" element={<LazyStatsScreenPage />} />
        <Route path="/stats/report" element={<LazyStatsReportPage />} />
        <Route element={<ConsoleLayout />}>
          <Route path="/network" element={<NetworkPage />} />
          <Route path="/volunteers" element={<VolunteersPage />} />
          <Route path="/organizations" element={<OrganizationsPage />} />
          <Route path="/projects" element={<ProjectsPage />} />
          <Route path="/activities" element={<ActivitiesPage />} />
          <Route path="/activities/:id" element={<ActivityPage />} />
          <Route path="/hours" element={<HoursPage />} />
          <Route path="/certificates" element={<CertificatesPage />} />
          <Route path="/wishes" element={<WishesPage />} />
          <Route path="/campaigns" element={<CampaignsPage />} />
          <Route path="/orders" element={<DispatchBoardPage />} />
          <Route path="/menu" element={<MenuPage />} />
          <Route path="/care" element={<CarePage />} />
          <Route path="/training" element={<TrainingPage />} />
          <Route path="/callups" element={<CallupsPage />} />
          <Route path="/callups/:id" element={<CallupBoardPage />} />
          <Route path="/imports" element={<ImportsPage />} />
          <Route path="/staff" element={<StaffPage />} />
          <Route path="/audit" element={<AuditPage />} />
          <Route path="/stats" element={<LazyStatsPage />} />
          <Route path="/inbox" element={<InboxPage />} />
        </Route>
      </Route>
      <Route path="*" element={<Navigate to="/network" replace />} />
    </Routes>
  );
}
