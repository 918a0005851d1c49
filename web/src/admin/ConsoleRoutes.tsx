import { Navigate, Route, Routes } from 'react-router-dom';
import { ConsoleLayout } from './layout/ConsoleLayout';
import { LoginPage } from './pages/login/LoginPage';
import { NetworkPage } from './pages/network/NetworkPage';
import { StaffPage } from './pages/staff/StaffPage';
import { RequireStaff } from './RequireStaff';

export function ConsoleRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireStaff />}>
        <Route element={<ConsoleLayout />}>
          <Route path="/network" element={<NetworkPage />} />
          <Route path="/staff" element={<StaffPage />} />
        </Route>
      </Route>
      <Route path="*" element={<Navigate to="/network" replace />} />
    </Routes>
  );
}
